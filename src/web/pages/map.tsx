import { useState } from "react";
import { Loading, useAsync } from "../components";
import { layoutMap, type MapNode, mapWidth } from "../map-layout";
import { Link, navigate } from "../router";
import { loadPlanAndAnalysis, worstFor } from "./plan-data";

export function MapPage({ ws }: { ws: string }) {
  const { data, error } = useAsync(() => loadPlanAndAnalysis(ws), [ws]);
  const [levels, setLevels] = useState<number | undefined>(undefined);
  if (!data) return <Loading error={error} />;
  const layout = layoutMap(data.plan, 44, { levels });
  const { nodes, edges, treeEdges, height } = layout;
  const width = mapWidth(layout);
  const at = new Map(nodes.map((n) => [`${n.type}:${n.id}`, n]));
  const href = (n: MapNode) =>
    n.type === "priority" ? `/w/${ws}/priorities/${n.id}` : `/w/${ws}/edit/${n.type}s/${n.id}`;
  return (
    <article>
      <h1>Strategy map</h1>
      <p className="muted">
        Priorities → initiatives → metrics. Each node is coloured by its worst finding. Orphan initiatives sit
        at the bottom, unlinked.
        {layout.levels > 1 &&
          " Objectives beneath others (function, then team objectives) are indented under their parent."}
      </p>
      {layout.levels > 1 && (
        <fieldset className="map-levels">
          <legend>Levels shown</legend>
          {Array.from({ length: layout.levels }, (_, i) => i + 1).map((n) => (
            <label key={n} className="check">
              <input
                type="radio"
                name="levels"
                checked={(levels ?? layout.levels) === n}
                onChange={() => setLevels(n)}
              />{" "}
              {LEVEL_NAMES[n - 1] ?? `${n} levels`}
            </label>
          ))}
        </fieldset>
      )}
      <div className="map-scroll">
        <svg className="chart map" viewBox={`0 0 ${width} ${height}`} aria-labelledby="map-title">
          <title id="map-title">Strategy map: priorities, their initiatives and metrics</title>
          {treeEdges.map(([a, b]) => {
            const s = at.get(a);
            const t = at.get(b);
            if (!s || !t) return null;
            // An elbow from the parent's left edge down to the child: the tree reads top to bottom.
            return (
              <path
                key={`${a}-${b}`}
                d={`M${s.x + 10},${s.y + 15} V${t.y} H${t.x}`}
                className="edge tree-edge"
              />
            );
          })}
          {edges.map(([a, b]) => {
            const s = at.get(a);
            const t = at.get(b);
            if (!s || !t) return null;
            return (
              <path
                key={`${a}-${b}`}
                d={`M${s.x + s.width},${s.y} C${s.x + s.width + 30},${s.y} ${t.x - 30},${t.y} ${t.x},${t.y}`}
                className="edge"
              />
            );
          })}
          {nodes.map((n) => (
            <a
              key={`${n.type}:${n.id}`}
              href={href(n)}
              className={`node node-${worstFor(data.analysis, n.type, n.id)}`}
              onClick={(e) => {
                e.preventDefault();
                navigate(href(n));
              }}
            >
              <title>{n.label}</title>
              <rect x={n.x} y={n.y - 15} width={n.width} height={30} rx={6} />
              <text x={n.x + 10} y={n.y + 5}>
                {n.hidden
                  ? `${fitLabel(n.label, Math.floor(n.width / 7.5) - 14)} (+${n.hidden} beneath)`
                  : fitLabel(n.label, Math.floor(n.width / 7.5))}
              </text>
            </a>
          ))}
        </svg>
      </div>
      <p>
        <Link to={`/w/${ws}`}>Back to the dashboard</Link>
      </p>
    </article>
  );
}

/** What each level of a typical objective tree is. */
const LEVEL_NAMES = ["Company objectives", "+ function objectives", "+ team objectives"];

/** Labels longer than a node is wide end in an ellipsis; the full text is the node's tooltip. */
function fitLabel(label: string, max = 44): string {
  return label.length <= max ? label : `${label.slice(0, max - 1).trimEnd()}…`;
}
