import { Loading, useAsync } from "../components";
import { layoutMap, type MapNode } from "../map-layout";
import { Link, navigate } from "../router";
import { loadPlanAndAnalysis, worstFor } from "./plan-data";

export function MapPage({ ws }: { ws: string }) {
  const { data, error } = useAsync(() => loadPlanAndAnalysis(ws), [ws]);
  if (!data) return <Loading error={error} />;
  const { nodes, edges, height } = layoutMap(data.plan);
  const at = new Map(nodes.map((n) => [`${n.type}:${n.id}`, n]));
  const href = (n: MapNode) =>
    n.type === "priority" ? `/w/${ws}/priorities/${n.id}` : `/w/${ws}/edit/${n.type}s/${n.id}`;
  return (
    <article>
      <h1>Strategy map</h1>
      <p className="muted">
        Priorities → initiatives → metrics. Each node is coloured by its worst finding. Orphan initiatives sit
        at the bottom, unlinked.
      </p>
      <div className="map-scroll">
        <svg className="chart map" viewBox={`0 0 1100 ${height}`} aria-labelledby="map-title">
          <title id="map-title">Strategy map: priorities, their initiatives and metrics</title>
          {edges.map(([a, b]) => {
            const s = at.get(a);
            const t = at.get(b);
            if (!s || !t) return null;
            return (
              <path
                key={`${a}-${b}`}
                d={`M${s.x + 330},${s.y} C${s.x + 360},${s.y} ${t.x - 30},${t.y} ${t.x},${t.y}`}
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
              <rect x={n.x} y={n.y - 15} width={330} height={30} rx={6} />
              <text x={n.x + 10} y={n.y + 5}>
                {fitLabel(n.label)}
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

/** Labels longer than a node is wide end in an ellipsis; the full text is the node's tooltip. */
function fitLabel(label: string, max = 44): string {
  return label.length <= max ? label : `${label.slice(0, max - 1).trimEnd()}…`;
}
