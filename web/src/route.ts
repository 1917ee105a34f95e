// Deep links live in the fragment (#/entity/…), so a reload or the Back button brings
// back the same view with no help from the server.

export type Route =
  | { view: "home" }
  | { view: "entity"; iri: string }
  | { view: "article"; iri: string; fact?: string }
  | { view: "timeline"; entity?: string; from?: string; to?: string }
  | { view: "sparql"; query?: string }
  | { view: "missing"; path: string };

export function parse(hash: string): Route {
  const [path, search = ""] = hash.replace(/^#/, "").split("?", 2);
  const params = new URLSearchParams(search);
  const parts = path.split("/").filter(Boolean);
  const opt = (name: string) => params.get(name) || undefined;
  switch (parts[0]) {
    case undefined:
      return { view: "home" };
    case "entity":
      if (parts[1]) return { view: "entity", iri: decodeURIComponent(parts.slice(1).join("/")) };
      break;
    case "article":
      if (parts[1]) return { view: "article", iri: decodeURIComponent(parts.slice(1).join("/")), fact: opt("fact") };
      break;
    case "timeline":
      return { view: "timeline", entity: opt("entity"), from: opt("from"), to: opt("to") };
    case "sparql":
      return { view: "sparql", query: opt("query") };
  }
  return { view: "missing", path };
}

export function href(route: Route): string {
  const query = (params: Record<string, string | undefined>) => {
    const p = new URLSearchParams();
    for (const [k, value] of Object.entries(params)) if (value) p.set(k, value);
    const s = p.toString();
    return s ? `?${s}` : "";
  };
  switch (route.view) {
    case "home":
      return "#/";
    case "entity":
      return `#/entity/${encodeURIComponent(route.iri)}`;
    case "article":
      return `#/article/${encodeURIComponent(route.iri)}${query({ fact: route.fact })}`;
    case "timeline":
      return `#/timeline${query({ entity: route.entity, from: route.from, to: route.to })}`;
    case "sparql":
      return `#/sparql${query({ query: route.query })}`;
    case "missing":
      return `#/${route.path}`;
  }
}
