import { Loading, useAsync } from "../components";
import { SEVERITY_LABEL } from "../format";
import { Link } from "../router";
import { useCan } from "../session";
import { loadPlanAndAnalysis, type Plan, worstFor } from "./plan-data";

/** The ten collections of a plan, each with the field that names an entry and its singular. */
const SECTIONS: { section: string; title: string; singular: string; label: (e: Plan) => string }[] = [
  { section: "priorities", title: "Priorities", singular: "priority", label: (e) => e.title },
  { section: "initiatives", title: "Initiatives", singular: "initiative", label: (e) => e.title },
  { section: "metrics", title: "Metrics", singular: "metric", label: (e) => e.name },
  { section: "teams", title: "Teams", singular: "team", label: (e) => e.name },
  { section: "people", title: "People", singular: "person", label: (e) => e.name },
  { section: "stops", title: "Stops", singular: "stop", label: (e) => e.what },
  { section: "promises", title: "Promises", singular: "promise", label: (e) => e.statement },
  { section: "insights", title: "Insights", singular: "insight", label: (e) => e.summary },
  { section: "decisions", title: "Decisions", singular: "decision", label: (e) => e.statement },
  { section: "reviews", title: "Reviews", singular: "review", label: (e) => `${e.priority} · ${e.date}` },
];

const SUBJECT_TYPE: Record<string, string> = Object.fromEntries(SECTIONS.map((s) => [s.section, s.singular]));

/**
 * Every entry of the plan by collection, each a link to its form, with "New …" where the
 * reader's role may add one: the way to edit anything the other pages do not put in reach.
 */
export function EntriesPage({ ws, section = "priorities" }: { ws: string; section?: string }) {
  const { data, error } = useAsync(() => loadPlanAndAnalysis(ws), [ws]);
  const isEditor = useCan("editor");
  const isContributor = useCan("contributor");
  const current = SECTIONS.find((s) => s.section === section) ?? SECTIONS[0];
  if (!data) return <Loading error={error} />;
  const { plan, analysis } = data;
  const entries: Plan[] = plan[current.section] ?? [];
  const canAdd = isEditor || (isContributor && ["insights", "reviews"].includes(current.section));
  return (
    <article>
      <h1>Plan entries</h1>
      <nav aria-label="Collections" className="tabs">
        <ul>
          {SECTIONS.map((s) => (
            <li key={s.section}>
              <Link
                to={`/w/${ws}/entries/${s.section}`}
                className={s.section === current.section ? "active" : ""}
              >
                {s.title} ({(plan[s.section] ?? []).length})
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <section className="panel" aria-labelledby="entries-title">
        <h2 id="entries-title">{current.title}</h2>
        {canAdd && (
          <p>
            <Link to={`/w/${ws}/edit/${current.section}/new`} className="button primary">
              New {current.singular}
            </Link>
          </p>
        )}
        {entries.length === 0 ? (
          <p className="empty">No {current.title.toLowerCase()} yet.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th>Entry</th>
                <th>Id</th>
                <th>Worst finding</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => {
                const worst = worstFor(analysis, SUBJECT_TYPE[current.section] ?? "", e.id);
                return (
                  <tr key={e.id}>
                    <td>
                      <Link to={`/w/${ws}/edit/${current.section}/${e.id}`}>{current.label(e) || e.id}</Link>
                    </td>
                    <td>
                      <code>{e.id}</code>
                    </td>
                    <td>
                      {worst === "none" ? (
                        "—"
                      ) : (
                        <span className={`sev sev-${worst}`}>{SEVERITY_LABEL[worst]}</span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
    </article>
  );
}
