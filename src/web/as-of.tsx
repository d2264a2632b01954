import { get } from "./api";
import { useAsync } from "./components";
import { navigate } from "./router";

/*
 * The day the app shows a workspace as of. Normally the analysis date (the plan's pinned
 * `asOf`, else today); `?asOf=YYYY-MM-DD` in the address views the plan as it stood on an
 * earlier day, read-only (session.readOnly), with every page's data loaded for that day.
 */

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The earlier day being viewed (from the address), or undefined for the analysis date. */
export function viewedAsOf(search: string = location.search): string | undefined {
  const asOf = new URLSearchParams(search).get("asOf") ?? undefined;
  return asOf && DATE.test(asOf) ? asOf : undefined;
}

/** `?asOf=…` for API paths and links while an earlier day is viewed; "" otherwise. */
export function asOfQuery(prefix: "?" | "&" = "?"): string {
  const asOf = viewedAsOf();
  return asOf ? `${prefix}asOf=${asOf}` : "";
}

export interface AnalysisDateInfo {
  asOf: string;
  pinned: boolean;
  today: string;
}

/** The analysis date shown on every page of a workspace, and the picker for an earlier day. */
export function AnalysisDate({ ws, path }: { ws: string; path: string }) {
  const { data } = useAsync(() => get<AnalysisDateInfo>(`/workspaces/${ws}/analysis/date`), [ws]);
  const viewed = viewedAsOf(path.includes("?") ? path.slice(path.indexOf("?")) : "");
  if (!data) return null;
  const here = path.split("?")[0] ?? "";
  const go = (day: string) => navigate(day && day !== data.asOf ? `${here}?asOf=${day}` : here);
  return (
    <div className="analysis-date" data-testid="analysis-date">
      <p>
        {viewed ? (
          <>
            Viewing the plan as it stood on <strong>{viewed}</strong> (read-only).{" "}
            <button type="button" className="link" onClick={() => go("")}>
              Back to {data.pinned ? data.asOf : "today"}
            </button>
          </>
        ) : (
          <>
            Analysed as of <strong>{data.asOf}</strong>
            {data.pinned ? " (pinned by the plan's asOf)" : " (today)"}
          </>
        )}
      </p>
      <label>
        View as of
        <input
          type="date"
          value={viewed ?? data.asOf}
          max={data.asOf}
          onChange={(e) => DATE.test(e.target.value) && go(e.target.value)}
        />
      </label>
    </div>
  );
}
