import { useEffect } from "react";
import type { MyWorkResponse } from "../../domain/my-work";
import { FindingAction } from "../actions";
import { api, get, type Item } from "../api";
import { Loading, useAsync } from "../components";
import { DigestPanel } from "../digest-panel";
import { SEVERITY_LABEL, subjectHref } from "../format";
import { useOwns } from "../owned-by-me";
import { Link } from "../router";
import { useSession } from "../session";

type Owed = MyWorkResponse["staleCheckins"][number];

/** Loads My work and marks it seen once shown, so the next visit lists what changed after now. */
function useMyWork(ws: string) {
  const session = useSession();
  const state = useAsync(async () => {
    const [work, people, initiatives, priorities] = await Promise.all([
      get<MyWorkResponse>(`/workspaces/${ws}/my-work`),
      get<{ items: Item[] }>(`/workspaces/${ws}/people?limit=500`),
      get<{ items: Item[] }>(`/workspaces/${ws}/initiatives?limit=500`),
      get<{ items: Item[] }>(`/workspaces/${ws}/priorities?limit=500`),
    ]);
    return { work, people: people.items, initiatives: initiatives.items, priorities: priorities.items };
  }, [ws]);
  const loaded = state.data !== undefined;
  useEffect(() => {
    if (loaded && session.user && !session.readOnly)
      void api("POST", `/workspaces/${ws}/my-work/seen`).catch(() => undefined);
  }, [loaded, ws, session.user, session.readOnly]);
  return state;
}

/** What the signed-in person owes in one workspace, with each finding's one-click action. */
export function MyWorkPanel({ ws, heading }: { ws: string; heading?: string }) {
  const { data, error, reload } = useMyWork(ws);
  const owns = useOwns(data ?? { people: [], priorities: [], initiatives: [] });
  if (!data) return <Loading error={error} />;
  const { work } = data;
  const HeadingTag = heading ? "h2" : "h1";
  const owed = work.staleCheckins.length + work.reviewsDue.length + work.notActedOn.length;
  const list = (items: Owed[], empty: string) =>
    items.length === 0 ? (
      <p className="empty">{empty}</p>
    ) : (
      <ul className="owed">
        {items.map(({ finding: f, title }) => (
          <li key={`${f.rule}-${f.subject.type}-${f.subject.id}`} data-rule={f.rule}>
            <span className={`sev sev-${f.severity}`}>{SEVERITY_LABEL[f.severity]}</span>{" "}
            <Link to={subjectHref(ws, f.subject)}>{title}</Link>: {f.message}.{" "}
            <FindingAction
              ws={ws}
              finding={f}
              people={data.people}
              initiatives={data.initiatives}
              onDone={reload}
              owns={owns}
            />
          </li>
        ))}
      </ul>
    );
  const { changes } = work;
  return (
    <section className="my-work" aria-labelledby={`my-work-${ws}`}>
      <HeadingTag id={`my-work-${ws}`}>{heading ?? "My work"}</HeadingTag>
      {work.personIds.length === 0 ? (
        <p className="empty">
          Nothing in this plan is yours: no person in it has your e-mail address. Ask an editor to add it to
          your entry in People.
        </p>
      ) : (
        <>
          <p className="muted">
            As of {work.asOf}: you own {work.owns.priorities} priorities, {work.owns.initiatives} initiatives
            and {work.owns.metrics} metrics;{" "}
            {owed === 0 ? "nothing is owed this week." : `${owed} things are owed.`}
          </p>
          <h3>Check-ins due</h3>
          {list(work.staleCheckins, "Every metric you own is up to date.")}
          {work.staleCheckins.length > 0 && (
            <p>
              <Link to={`/w/${ws}/checkin`} className="button primary">
                Record this week's check-ins
              </Link>
            </p>
          )}
          <h3>Reviews due</h3>
          {list(work.reviewsDue, "No review is due on your priorities.")}
          <h3>Review answers of “no” not acted on</h3>
          {list(work.notActedOn, "Every “no” has been acted on.")}
          <h3>Other findings about what you own</h3>
          {list(work.findings, "None.")}
        </>
      )}
      <h3>Since you last looked</h3>
      {changes.since === null ? (
        <p className="empty">This is your first visit: changes will show here from now on.</p>
      ) : (
        <div className="changes">
          <p>
            Since {changes.since.slice(0, 16).replace("T", " ")} UTC the index went from {changes.indexThen}{" "}
            to <strong data-testid={`index-now-${ws}`}>{changes.indexNow}</strong>; {changes.opened.length}{" "}
            findings opened, {changes.closed.length} closed.
          </p>
          {changes.opened.length > 0 && (
            <ul aria-label="Findings opened">
              {changes.opened.map((f) => (
                <li key={`${f.rule}-${f.subject.id}`}>Opened: {f.message}</li>
              ))}
            </ul>
          )}
          {changes.closed.length > 0 && (
            <ul aria-label="Findings closed">
              {changes.closed.map((k) => (
                <li key={k}>
                  Closed: <code>{k}</code>
                </li>
              ))}
            </ul>
          )}
          {changes.activity.length > 0 && (
            <ul aria-label="Changes by others">
              {changes.activity.map((a) => (
                <li key={a.seq}>
                  {a.at.slice(0, 16).replace("T", " ")}: {a.actor} {a.action}d {a.entityType} {a.entityId}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}

export function MyWorkPage({ ws }: { ws: string }) {
  return (
    <article>
      <MyWorkPanel ws={ws} />
      <DigestPanel ws={ws} />
    </article>
  );
}
