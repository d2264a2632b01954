/** Small SVG charts: no chart library, so the first load stays light. */
import { linearScale, niceTicks } from "./chart-scales";

export function LineChart({
  points,
  width = 1000,
  height = 200,
  label,
  target,
  yDomain,
  projection,
  xTicks,
}: {
  points: { x: number; y: number; label?: string }[];
  /** Labelled ticks along the x axis (e.g. dates); without them the first and last labels show. */
  xTicks?: { x: number; label: string }[];
  width?: number;
  height?: number;
  label: string;
  target?: number;
  yDomain?: [number, number];
  /** A dashed straight-line projection, e.g. from the last check-in to the due date. */
  projection?: { from: { x: number; y: number }; to: { x: number; y: number } };
}) {
  if (points.length === 0) return <p className="muted">No data yet.</p>;
  const pad = 28;
  const left = 52; // room for the y-axis labels
  const xs = points
    .map((p) => p.x)
    .concat(projection ? [projection.to.x] : [])
    .concat((xTicks ?? []).map((t) => t.x));
  const ys = points
    .map((p) => p.y)
    .concat(target !== undefined ? [target] : [])
    .concat(projection ? [projection.to.y] : []);
  // The axis fits the data (and target) rather than starting at zero: an NPS moving from 21 to 26
  // against a target of 40 should be visibly moving.
  const ticks = yDomain ? niceTicks(yDomain[0], yDomain[1]) : niceTicks(Math.min(...ys), Math.max(...ys));
  const x = linearScale([Math.min(...xs), Math.max(...xs)], [left, width - pad]);
  const y = linearScale([ticks[0] ?? 0, ticks[ticks.length - 1] ?? 1], [height - pad, pad / 2]);
  const d = points.map((p, i) => `${i ? "L" : "M"}${x(p.x).toFixed(1)},${y(p.y).toFixed(1)}`).join(" ");
  // When the projection ends next to the target line, the target's label moves to the left end.
  const labelsCollide =
    projection !== undefined && target !== undefined && Math.abs(y(projection.to.y) - y(target)) < 16;
  return (
    <svg className="chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
      {ticks.map((t) => (
        <g key={t}>
          <line x1={left} x2={width - pad} y1={y(t)} y2={y(t)} className="grid" />
          <text x={left - 8} y={y(t) + 4} textAnchor="end" className="tick">
            {t}
          </text>
        </g>
      ))}
      <line x1={left} x2={width - pad} y1={height - pad} y2={height - pad} className="axis" />
      {target !== undefined && (
        <g>
          <line x1={left} x2={width - pad} y1={y(target)} y2={y(target)} className="target" />
          <text
            x={labelsCollide ? left + 6 : width - pad}
            y={y(target) - 4}
            textAnchor={labelsCollide ? "start" : "end"}
            className="tick"
          >
            target {target}
          </text>
        </g>
      )}
      <path d={d} className="line" />
      {projection && (
        <g>
          <line
            x1={x(projection.from.x)}
            y1={y(projection.from.y)}
            x2={x(projection.to.x)}
            y2={y(projection.to.y)}
            className="projection"
          />
          <text x={x(projection.to.x)} y={y(projection.to.y) - 6} textAnchor="end" className="tick">
            projected {Math.round(projection.to.y * 10) / 10}
          </text>
        </g>
      )}
      {points.map((p) => (
        <circle key={`${p.x}-${p.y}`} cx={x(p.x)} cy={y(p.y)} r={3.5} className="dot">
          <title>{p.label ?? `${p.y}`}</title>
        </circle>
      ))}
      {xTicks ? (
        xTicks.map((t, i) => (
          <text
            key={t.label}
            x={x(t.x)}
            y={height - 8}
            textAnchor={
              xTicks.length === 1 ? "start" : i === 0 ? "start" : i === xTicks.length - 1 ? "end" : "middle"
            }
            className="tick"
          >
            {t.label}
          </text>
        ))
      ) : (
        <>
          <text x={left} y={height - 8} className="tick">
            {points[0].label?.split(":")[0]}
          </text>
          <text x={width - pad} y={height - 8} textAnchor="end" className="tick">
            {points[points.length - 1].label?.split(":")[0]}
          </text>
        </>
      )}
    </svg>
  );
}

export function Bar({ value, max = 100, label }: { value: number; max?: number; label: string }) {
  const pct = Math.max(0, Math.min(100, (value / max) * 100));
  return (
    // The number is printed beside the bar, so the bar itself is decoration for screen readers.
    <div className="bar" aria-hidden="true" title={label}>
      <div
        className="bar-fill"
        style={{ width: `${pct}%` }}
        data-level={value >= 60 ? "high" : value >= 30 ? "mid" : "low"}
      />
    </div>
  );
}

export interface Segment {
  label: string;
  value: number;
  kind: "priority" | "orphan";
  /** Which of the eight priority colours; the same priority keeps its colour on every team. */
  tone: number;
}

export function StackedBar({
  segments,
  capacity,
  label,
}: {
  segments: Segment[];
  capacity: number;
  label: string;
}) {
  const total = segments.reduce((s, x) => s + x.value, 0);
  const max = Math.max(total, capacity, 1);
  const width = 560;
  const x = linearScale([0, max], [0, width]);
  let at = 0;
  return (
    <svg className="chart stacked" viewBox={`0 0 ${width} 34`} role="img" aria-label={label}>
      {segments.map((s) => {
        const start = at;
        at += s.value;
        return (
          <rect
            key={s.label}
            x={x(start)}
            y={4}
            width={Math.max(0, x(s.value) - 1)}
            height={22}
            className={`seg seg-${s.kind} seg-${s.tone % 8}`}
          >
            <title>{`${s.label}: ${s.value} FTE`}</title>
          </rect>
        );
      })}
      <line x1={x(capacity)} x2={x(capacity)} y1={0} y2={30} className="capacity-line" />
    </svg>
  );
}
