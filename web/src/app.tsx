// The frame of every view: the header with its links, the view of the current route,
// the page title, and focus moved to the view's heading after each navigation.
import { useEffect, useRef, useState } from "preact/hooks";
import { parse, href, Route } from "./route";
import { Home } from "./home";
import { EntityView } from "./entity";
import { ArticleView } from "./article";
import { TimelineView } from "./timeline";
import { SparqlView } from "./editor";

export function App() {
  const [route, setRoute] = useState<Route>(() => parse(location.hash));
  const first = useRef(true);
  useEffect(() => {
    const changed = () => setRoute(parse(location.hash));
    addEventListener("hashchange", changed);
    return () => removeEventListener("hashchange", changed);
  }, []);
  // After a navigation (not the first load), focus goes to the new view's heading, so
  // that a screen reader announces it and Tab starts from the top of the view.
  const viewKey = route.view === "entity" || route.view === "article" ? `${route.view}:${route.iri}` : route.view;
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.querySelector<HTMLElement>("main h1")?.focus();
  }, [viewKey]);
  return (
    <>
      <a class="skip" href="#main-content" onClick={(e) => { e.preventDefault(); document.getElementById("main-content")?.focus(); }}>
        Skip to content
      </a>
      <header class="top">
        <a class="brand" href={href({ view: "home" })}>newsgraph</a>
        <nav aria-label="Views">
          <ul>
            <li><a href={href({ view: "home" })} aria-current={route.view === "home" ? "page" : undefined}>Search</a></li>
            <li><a href={href({ view: "timeline" })} aria-current={route.view === "timeline" ? "page" : undefined}>Timeline</a></li>
            <li><a href={href({ view: "sparql" })} aria-current={route.view === "sparql" ? "page" : undefined}>SPARQL</a></li>
          </ul>
        </nav>
      </header>
      <main id="main-content" tabIndex={-1}>
        <View route={route} />
      </main>
    </>
  );
}

function View({ route }: { route: Route }) {
  switch (route.view) {
    case "home":
      return <Home />;
    case "entity":
      return <EntityView key={route.iri} iri={route.iri} />;
    case "article":
      return <ArticleView key={route.iri} iri={route.iri} fact={route.fact} />;
    case "timeline":
      return <TimelineView key={`${route.entity} ${route.from} ${route.to}`} entity={route.entity} from={route.from} to={route.to} />;
    case "sparql":
      return <SparqlView initial={route.query} />;
    case "missing":
      return <Missing path={route.path} />;
  }
}

function Missing({ path }: { path: string }) {
  useTitle("Not found");
  return (
    <>
      <h1 tabIndex={-1}>Not found</h1>
      <p>There is no view at “{path}”. <a href={href({ view: "home" })}>Search the graph</a>.</p>
    </>
  );
}

/** Sets the page title while a view is shown. */
export function useTitle(title: string) {
  useEffect(() => {
    document.title = `${title} · newsgraph`;
  }, [title]);
}

/** Loads data for a view; `error` holds the server's message when it fails. */
export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, deps: unknown[]): { data?: T; error?: string } {
  const [state, setState] = useState<{ data?: T; error?: string }>({});
  useEffect(() => {
    const control = new AbortController();
    setState({});
    load(control.signal).then(
      (data) => {
        if (!control.signal.aborted) setState({ data });
      },
      (e) => {
        if (!control.signal.aborted) setState({ error: e instanceof Error ? e.message : String(e) });
      },
    );
    return () => control.abort();
  }, deps);
  return state;
}

/** What a view shows while it loads, or when loading failed. */
export function Pending({ error }: { error?: string }) {
  return error ? <p class="error" role="alert">{error}</p> : <p class="loading" role="status">Loading…</p>;
}
