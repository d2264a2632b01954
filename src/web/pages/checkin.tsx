import { metricsOwnedBy } from "../../domain/ownership";
import { CheckinForm } from "../checkin-form";
import { CheckinUpload } from "../checkin-upload";
import { Loading, useAsync } from "../components";
import { useCan, useSession } from "../session";
import { loadPlanAndAnalysis, type Plan } from "./plan-data";

/**
 * Check-in: the metrics the signed-in person owns (metric owner, else the priorities they own),
 * each with its last value, target and projection, and this week's value in one form. An
 * editor who owns none sees every metric; so does everyone when the server runs without accounts.
 */
export function CheckinPage({ ws }: { ws: string }) {
  const { data, error, reload } = useAsync(() => loadPlanAndAnalysis(ws), [ws]);
  const session = useSession();
  const isEditor = useCan("editor");
  const isContributor = useCan("contributor");
  if (!data) return <Loading error={error} />;
  const { plan, analysis } = data;
  const all: Plan[] = plan.metrics ?? [];
  const email = session.user?.email;
  const owned = email ? metricsOwnedBy(email, plan as Parameters<typeof metricsOwnedBy>[1]) : [];
  const showAll = owned.length === 0 && (isEditor || !session.auth);
  const metrics = showAll ? all : (owned as Plan[]);
  const stale = new Set(analysis.findings.filter((f) => f.rule === "metric-stale").map((f) => f.subject.id));
  // Stale ones first: they are what is owed.
  const ordered = [...metrics].sort((a, b) => Number(stale.has(b.id)) - Number(stale.has(a.id)));
  return (
    <article>
      <h1>Check-in</h1>
      <p className="muted">
        {showAll
          ? "You own no metric here, so every metric is listed."
          : `The ${owned.length} metric${owned.length === 1 ? "" : "s"} you own${
              stale.size ? `; ${ordered.filter((m) => stale.has(m.id)).length} overdue` : ""
            }.`}{" "}
        Enter this week's values and save them together.
      </p>
      {!showAll && owned.length === 0 ? (
        <p className="empty">
          You own no metric in this workspace. A metric is yours when its owner is you, or when it measures a
          priority you own.
        </p>
      ) : (
        <CheckinForm ws={ws} metrics={ordered} cycleStart={plan.cycle.start} onSaved={reload} autoFocus />
      )}
      {isContributor && <CheckinUpload ws={ws} onRecorded={reload} />}
    </article>
  );
}
