import { type ReactElement, useEffect, useState } from "react";
import { ApiError, api, get, setCsrfToken, type WorkspaceInfo } from "./api";
import { AnalysisDate, viewedAsOf } from "./as-of";
import { Form, Loading, TextField, useAsync } from "./components";
import { CapacityPage } from "./pages/capacity";
import { CheckinPage } from "./pages/checkin";
import { Dashboard } from "./pages/dashboard";
import { EditPage } from "./pages/edit";
import { EntriesPage } from "./pages/entries";
import { InsightsPage } from "./pages/insights";
import { InvitePage } from "./pages/invite";
import { MapPage } from "./pages/map";
import { MembersPage } from "./pages/members";
import { MyWorkPage, MyWorkPanel } from "./pages/my-work";
import { PlanFilePage } from "./pages/plan-file";
import { PriorityPage } from "./pages/priority";
import { PromisesPage } from "./pages/promises";
import { ReviewPage } from "./pages/review";
import { SetupPage, SignInPage } from "./pages/sign-in";
import { StopsPage } from "./pages/stops";
import { Link, match, navigate, usePath } from "./router";
import { resolveWorkspaceRoute, type WorkspacePage } from "./routes";
import { type Session, SessionContext } from "./session";

type Boot = { state: "loading" } | { state: "signed-out" } | { state: "ready"; session: Session };

async function loadSession(): Promise<Boot> {
  try {
    const { data } = await api<{ user?: Session["user"]; csrfToken?: string }>("GET", "/session");
    setCsrfToken(data.csrfToken);
    return { state: "ready", session: { auth: true, user: data.user } };
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return { state: "signed-out" };
    if (error instanceof ApiError && error.status === 404)
      return { state: "ready", session: { auth: false } };
    throw error;
  }
}

export function App() {
  const path = usePath();
  const [boot, setBoot] = useState<Boot>({ state: "loading" });
  const refresh = () => loadSession().then(setBoot, () => setBoot({ state: "signed-out" }));
  // biome-ignore lint/correctness/useExhaustiveDependencies: loads once; sign-in calls refresh
  useEffect(() => {
    refresh();
  }, []);
  if (path.startsWith("/setup")) return <SetupPage onSignedIn={refresh} />;
  if (path.startsWith("/invite")) return <InvitePage onSignedIn={refresh} />;
  if (boot.state === "loading") return <Loading />;
  if (boot.state === "signed-out") return <SignInPage onSignedIn={refresh} />;
  return <Shell path={path} session={boot.session} onSignOut={refresh} />;
}

function Shell({ path, session, onSignOut }: { path: string; session: Session; onSignOut: () => void }) {
  const ws = match("/w/:ws", path)?.ws ?? path.match(/^\/w\/([^/?#]+)/)?.[1];
  const workspaces = useAsync(() => get<{ items: WorkspaceInfo[] }>("/workspaces"), []);
  const current = useAsync(async () => (ws ? get<WorkspaceInfo>(`/workspaces/${ws}`) : undefined), [ws]);
  const query = new URLSearchParams(path.split("?")[1] ?? "");
  const asOf = viewedAsOf(`?${query.toString()}`);
  const scoped: Session = { ...session, role: current.data?.role as Session["role"], readOnly: !!asOf };
  const nav = ws
    ? [
        ["Dashboard", `/w/${ws}`],
        ...(session.user ? [["My work", `/w/${ws}/my-work`]] : []),
        ["Check-in", `/w/${ws}/checkin`],
        ["Strategy map", `/w/${ws}/map`],
        ["Capacity", `/w/${ws}/capacity`],
        ["Promises", `/w/${ws}/promises`],
        ["Insights", `/w/${ws}/insights`],
        ["Review", `/w/${ws}/review`],
        ["Stop list", `/w/${ws}/stops`],
        ["Entries", `/w/${ws}/entries`],
        ["Plan file", `/w/${ws}/plan`],
        // Members, invitations and tokens exist only with accounts, for the workspace's admins.
        ...(session.auth && (scoped.role === "admin" || session.user?.isAdmin)
          ? [["Members", `/w/${ws}/members`]]
          : []),
      ]
    : [];
  const page = ws ? (
    workspacePage(ws, path, query)
  ) : (
    <Home
      workspaces={workspaces.data?.items}
      error={workspaces.error}
      canCreate={!session.auth || session.user?.isAdmin === true}
      signedIn={session.user !== undefined}
    />
  );

  const signOut = async () => {
    await api("DELETE", "/session");
    setCsrfToken(undefined);
    navigate("/");
    onSignOut();
  };
  return (
    <SessionContext.Provider value={scoped}>
      <a href="#main" className="skip">
        Skip to content
      </a>
      <header className="top">
        <Link to="/" className="brand">
          Throughline
        </Link>
        {workspaces.data && (
          <label className="switcher">
            <span className="visually-hidden">Workspace</span>
            <select
              value={ws ?? ""}
              onChange={(e) => navigate(e.target.value ? `/w/${e.target.value}` : "/")}
            >
              <option value="">All workspaces</option>
              {workspaces.data.items.map((w) => (
                <option key={w.slug} value={w.slug}>
                  {w.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <span className="spacer" />
        {session.user && (
          <span className="who">
            {session.user.name}
            {scoped.role ? ` · ${scoped.role}` : session.user.isAdmin ? " · administrator" : ""}{" "}
            <button type="button" className="link" onClick={signOut}>
              Sign out
            </button>
          </span>
        )}
      </header>
      {nav.length > 0 && (
        <nav aria-label="Workspace">
          <ul>
            {nav.map(([label, to]) => (
              <li key={to}>
                <Link
                  to={asOf ? `${to}?asOf=${asOf}` : to}
                  className={isActive(path, to, `/w/${ws}`) ? "active" : ""}
                >
                  {label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {ws && <AnalysisDate ws={ws} path={path} />}
      {/* Keyed by the day viewed: choosing another day reloads every page's data for it. */}
      <main id="main" key={asOf ?? "current"}>
        {page}
      </main>
    </SessionContext.Provider>
  );
}

/** A tab is active on its page and the pages below it; the dashboard only on itself. */
function isActive(path: string, to: string, dashboard: string): boolean {
  const here = path.split("?")[0] ?? "";
  return here === to || (to !== dashboard && here.startsWith(`${to}/`));
}

function workspacePage(ws: string, path: string, query: URLSearchParams): ReactElement {
  const route = resolveWorkspaceRoute(path);
  switch (route.kind) {
    case "priority":
      return <PriorityPage ws={ws} id={route.id} />;
    case "entries":
      return <EntriesPage ws={ws} section={route.section} />;
    case "edit":
      return <EditPage ws={ws} section={route.section} id={route.id} />;
    case "page":
      return pageElement(ws, route.page, query);
    default:
      return <Dashboard ws={ws} />;
  }
}

function pageElement(ws: string, page: WorkspacePage, query: URLSearchParams): ReactElement {
  const pages: Record<WorkspacePage, ReactElement> = {
    map: <MapPage ws={ws} />,
    checkin: <CheckinPage ws={ws} />,
    "my-work": <MyWorkPage ws={ws} />,
    capacity: <CapacityPage ws={ws} />,
    promises: <PromisesPage ws={ws} />,
    insights: <InsightsPage ws={ws} />,
    review: <ReviewPage ws={ws} priority={query.get("priority") ?? undefined} />,
    stops: <StopsPage ws={ws} />,
    plan: <PlanFilePage ws={ws} />,
    members: <MembersPage ws={ws} />,
    entries: <EntriesPage ws={ws} />,
  };
  return pages[page];
}

function Home({
  workspaces,
  error,
  canCreate,
  signedIn,
}: {
  workspaces?: WorkspaceInfo[];
  error?: unknown;
  canCreate: boolean;
  signedIn: boolean;
}) {
  if (!workspaces) return <Loading error={error} />;
  // A signed-in person lands on what they owe: My work in each of their workspaces (a few at most).
  const mine = signedIn ? workspaces.slice(0, 5) : [];
  const Title = mine.length > 0 ? "h2" : "h1";
  return (
    <article>
      {mine.length > 0 && (
        <>
          <h1>My work</h1>
          {mine.map((w) => (
            <MyWorkPanel key={w.slug} ws={w.slug} heading={w.name} />
          ))}
        </>
      )}
      <Title>Workspaces</Title>
      {workspaces.length === 0 ? (
        <p className="empty">
          No workspace yet.{" "}
          {canCreate
            ? "Create one below, then import its plan file from the workspace's Plan file page."
            : "Ask an administrator for an invitation."}
        </p>
      ) : (
        <ul className="cards">
          {workspaces.map((w) => (
            <li key={w.slug}>
              <Link to={`/w/${w.slug}`}>{w.name}</Link>
              <p className="muted">{w.organisation}</p>
            </li>
          ))}
        </ul>
      )}
      {canCreate && <NewWorkspace />}
    </article>
  );
}

/** Instance administrators create workspaces; the slug is the workspace's address. */
function NewWorkspace() {
  const [name, setName] = useState("");
  const [slug, setSlug] = useState<string>();
  const suggested = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 63);
  const address = slug ?? suggested;
  return (
    <section aria-labelledby="new-workspace">
      <h2 id="new-workspace">New workspace</h2>
      <Form
        submit="Create the workspace"
        onSubmit={async () => {
          await api("POST", "/workspaces", { body: { name, slug: address } });
          navigate(`/w/${address}/plan`);
        }}
      >
        <TextField label="Name" value={name} onChange={setName} name="name" required />
        <TextField
          label="Address (lowercase letters, digits and hyphens)"
          value={address}
          onChange={setSlug}
          name="slug"
          required
          pattern="[a-z0-9][a-z0-9\-]{0,62}"
        />
      </Form>
    </section>
  );
}
