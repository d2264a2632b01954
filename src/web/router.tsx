import { type MouseEvent, type ReactNode, useEffect, useState } from "react";

/** A tiny History-API router: every page has a URL, links are real links. */
export function usePath(): string {
  const [path, setPath] = useState(location.pathname + location.search);
  useEffect(() => {
    const update = () => setPath(location.pathname + location.search);
    window.addEventListener("popstate", update);
    window.addEventListener("throughline:navigate", update);
    return () => {
      window.removeEventListener("popstate", update);
      window.removeEventListener("throughline:navigate", update);
    };
  }, []);
  return path;
}

// The in-app page before the current one, so a form can return where its reader came from.
let previous: string | undefined;

/** The page visited before this one inside the app (undefined after a full page load). */
export function previousPath(): string | undefined {
  return previous;
}

export function navigate(to: string): void {
  previous = location.pathname + location.search;
  history.pushState(null, "", to);
  window.dispatchEvent(new Event("throughline:navigate"));
  window.scrollTo(0, 0);
}

export function Link({ to, children, className }: { to: string; children: ReactNode; className?: string }) {
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    navigate(to);
  };
  return (
    <a href={to} onClick={onClick} className={className}>
      {children}
    </a>
  );
}

export { match } from "./routes";
