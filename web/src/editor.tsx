// The SPARQL editor: the ontology's prefixes filled in, the example queries of
// examples/queries/ one click away, results as a paged table, graphs as Turtle and as a
// picture, downloads as CSV and JSON, syntax errors shown at their line and column.
import { useEffect, useRef, useState } from "preact/hooks";
import { EditorView, basicSetup } from "codemirror";
import { keymap } from "@codemirror/view";
import { StreamLanguage } from "@codemirror/language";
import { sparql } from "@codemirror/legacy-modes/mode/sparql";
import { send, PREFIX_BLOCK, Term, QueryError, short } from "./sparql";
import { href } from "./route";
import { useTitle } from "./app";
import { Pager } from "./home";
import { GraphPicture, GraphNode, GraphEdge } from "./graph";

const files = import.meta.glob("../../examples/queries/*.rq", { query: "?raw", import: "default", eager: true }) as Record<string, string>;
export const EXAMPLES = Object.entries(files)
  .map(([path, text]) => ({ name: path.replace(/^.*\//, "").replace(/\.rq$/, ""), text }))
  .sort((a, b) => a.name.localeCompare(b.name));

const START = `${PREFIX_BLOCK}\n\nSELECT ?person ?label WHERE {\n  ?person a ng:Person ; rdfs:label ?label .\n}\nORDER BY ?label\nLIMIT 100\n`;
const ROWS = 50;

/** The editor's look (the page's style sheet does not reach into its shadow root). */
const THEME = EditorView.theme({
  "&": { fontSize: "0.92rem", maxHeight: "24rem", border: "1px solid #4a5360", borderRadius: "6px" },
  "&.cm-focused": { outline: "3px solid #ff9800", outlineOffset: "2px" },
  ".cm-scroller": { fontFamily: 'ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace', overflow: "auto", maxHeight: "24rem" },
  ".cm-content": { minHeight: "8rem" },
});

type Triple = { s: Term; p: Term; o: Term };
type Result =
  | { kind: "rows"; vars: string[]; rows: Record<string, Term | undefined>[] }
  | { kind: "boolean"; value: boolean }
  | { kind: "graph"; triples: Triple[] };

/** Reads N-Triples (what the server writes, one triple a line). */
export function parseNTriples(text: string): Triple[] {
  const term = /\s*(<[^>]*>|_:\S+|"(?:[^"\\]|\\.)*"(?:\^\^<[^>]*>|@[A-Za-z0-9-]+)?)/y;
  const read = (m: string): Term => {
    if (m.startsWith("<")) return { type: "uri", value: m.slice(1, -1) };
    if (m.startsWith("_:")) return { type: "bnode", value: m.slice(2) };
    const end = m.lastIndexOf('"');
    return { type: "literal", value: JSON.parse(m.slice(0, end + 1).replace(/\\U([0-9A-Fa-f]{8})/g, (_, h) => String.fromCodePoint(parseInt(h, 16)))) };
  };
  const triples: Triple[] = [];
  for (const line of text.split("\n")) {
    if (!line.trim() || line.startsWith("#")) continue;
    term.lastIndex = 0;
    const parts: Term[] = [];
    for (let k = 0; k < 3; k++) {
      const m = term.exec(line);
      if (!m) break;
      parts.push(read(m[1]));
    }
    if (parts.length === 3) triples.push({ s: parts[0], p: parts[1], o: parts[2] });
  }
  return triples;
}

function errorPlace(message: string): { line: number; column: number } | undefined {
  const m = /line (\d+), column (\d+)/.exec(message);
  return m ? { line: Number(m[1]), column: Number(m[2]) } : undefined;
}

function download(name: string, type: string, data: Blob | string) {
  const url = URL.createObjectURL(data instanceof Blob ? data : new Blob([data], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function SparqlView({ initial }: { initial?: string }) {
  useTitle("SPARQL");
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView>();
  const [result, setResult] = useState<Result>();
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  const [page, setPage] = useState(0);
  const [show, setShow] = useState<"table" | "turtle" | "graph">("table");
  const [turtle, setTurtle] = useState("");
  const [ran, setRan] = useState("");

  const text = () => view.current?.state.doc.toString() ?? "";

  const run = async () => {
    const query = text();
    setBusy(true);
    setError("");
    setTurtle("");
    try {
      const response = await send(query, "application/sparql-results+json, application/n-triples;q=0.9");
      const type = response.headers.get("content-type") ?? "";
      if (type.startsWith("application/n-triples")) {
        setResult({ kind: "graph", triples: parseNTriples(await response.text()) });
      } else {
        const json = await response.json();
        setResult("boolean" in json ? { kind: "boolean", value: json.boolean } : { kind: "rows", vars: json.head.vars, rows: json.results.bindings });
      }
      setPage(0);
      setShow("table");
      setRan(query);
      history.replaceState(null, "", href({ view: "sparql", query }));
    } catch (e) {
      setResult(undefined);
      const message = e instanceof Error ? e.message : String(e);
      setError(message);
      const at = e instanceof QueryError ? errorPlace(message) : undefined;
      const editor = view.current;
      if (at && editor && at.line <= editor.state.doc.lines) {
        const line = editor.state.doc.line(at.line);
        const pos = Math.min(line.from + at.column - 1, line.to);
        editor.dispatch({ selection: { anchor: pos }, scrollIntoView: true });
      }
    } finally {
      setBusy(false);
    }
  };
  const runRef = useRef(run);
  runRef.current = run;

  useEffect(() => {
    // CodeMirror styles itself with a <style> element in a document, which the page's
    // Content-Security-Policy forbids, and with a constructed style sheet in a shadow
    // root, which it allows: so the editor lives in a shadow root.
    const shadow = host.current!.shadowRoot ?? host.current!.attachShadow({ mode: "open" });
    view.current = new EditorView({
      doc: initial ?? START,
      parent: shadow,
      root: shadow,
      extensions: [
        THEME,
        keymap.of([{ key: "Mod-Enter", run: () => (runRef.current(), true) }]),
        basicSetup,
        StreamLanguage.define(sparql),
        EditorView.contentAttributes.of({ "aria-label": "SPARQL query (Ctrl+Enter runs it)" }),
      ],
    });
    return () => view.current?.destroy();
  }, []);

  const load = (query: string) => {
    const editor = view.current!;
    editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: query } });
    editor.focus();
  };

  const save = async (accept: string, name: string) => {
    try {
      const response = await send(ran, accept);
      download(name, accept, await response.blob());
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const showTurtle = async () => {
    setShow("turtle");
    if (!turtle) setTurtle(await (await send(ran, "text/turtle")).text());
  };

  return (
    <>
      <h1 tabIndex={-1}>SPARQL</h1>
      <div class="examples">
        <h2 id="examples-h">Examples</h2>
        <ul aria-labelledby="examples-h" class="inline">
          {EXAMPLES.map((x) => (
            <li><button type="button" class="chip" onClick={() => load(x.text)}>{x.name.replace(/-/g, " ")}</button></li>
          ))}
        </ul>
      </div>
      <div class="editor" ref={host} />
      <div class="toolbar">
        <button type="button" class="primary" onClick={run} disabled={busy}>{busy ? "Running…" : "Run"}</button>
        {result && result.kind === "rows" && (
          <>
            <button type="button" onClick={() => save("text/csv", "results.csv")}>Download CSV</button>
            <button type="button" onClick={() => save("application/sparql-results+json", "results.json")}>Download JSON</button>
          </>
        )}
        {result && result.kind === "graph" && (
          <>
            <button type="button" onClick={() => save("text/turtle", "results.ttl")}>Download Turtle</button>
            <button type="button" onClick={() => save("application/n-triples", "results.nt")}>Download N-Triples</button>
          </>
        )}
      </div>
      {error && <pre class="error" role="alert">{error}</pre>}
      <section aria-labelledby="results-h" aria-live="polite">
        <h2 id="results-h">Results</h2>
        {!result ? <p>Run a query to see its results.</p> : <Results result={result} page={page} setPage={setPage} show={show} setShow={setShow} turtle={turtle} showTurtle={showTurtle} />}
      </section>
    </>
  );
}

function Cell({ term }: { term?: Term }) {
  if (!term) return null;
  if (term.type === "uri") {
    return term.value.startsWith("http") && !term.value.startsWith(location.origin) ? (
      <a href={href({ view: "entity", iri: term.value })}>{short(term.value)}</a>
    ) : (
      <span>{short(term.value)}</span>
    );
  }
  return <span>{term.type === "bnode" ? `_:${term.value}` : term.value}</span>;
}

function Results(props: {
  result: Result;
  page: number;
  setPage: (p: number) => void;
  show: string;
  setShow: (s: "table" | "turtle" | "graph") => void;
  turtle: string;
  showTurtle: () => void;
}) {
  const { result, page, setPage } = props;
  if (result.kind === "boolean") return <p class="boolean">The answer is <strong>{result.value ? "yes" : "no"}</strong>.</p>;
  if (result.kind === "graph") {
    const nodes = new Map<string, GraphNode>();
    const edges: GraphEdge[] = [];
    for (const t of result.triples.slice(0, 200)) {
      if (t.o.type === "literal") continue;
      for (const x of [t.s, t.o]) if (!nodes.has(x.value)) nodes.set(x.value, { id: x.value, label: short(x.value).replace(/^.*[/#]/, ""), kind: "Node" });
      edges.push({ from: t.s.value, to: t.o.value, label: short(t.p.value) });
    }
    return (
      <>
        <p>{result.triples.length} triples.</p>
        <div role="group" aria-label="Show the graph as" class="tabs">
          <button type="button" aria-pressed={props.show === "table"} onClick={() => props.setShow("table")}>Table</button>
          <button type="button" aria-pressed={props.show === "turtle"} onClick={props.showTurtle}>Turtle</button>
          <button type="button" aria-pressed={props.show === "graph"} onClick={() => props.setShow("graph")}>Graph</button>
        </div>
        {props.show === "turtle" ? (
          <pre class="turtle" tabIndex={0}>{props.turtle || "Loading…"}</pre>
        ) : props.show === "graph" ? (
          <GraphPicture nodes={[...nodes.values()].slice(0, 80)} edges={edges} title="The triples between resources, as a graph (literals left out)" />
        ) : (
          <Table vars={["subject", "predicate", "object"]} rows={result.triples.map((t) => ({ subject: t.s, predicate: t.p, object: t.o }))} page={page} setPage={setPage} />
        )}
      </>
    );
  }
  return <Table vars={result.vars} rows={result.rows} page={page} setPage={setPage} />;
}

function Table({ vars, rows, page, setPage }: { vars: string[]; rows: Record<string, Term | undefined>[]; page: number; setPage: (p: number) => void }) {
  return (
    <>
      <p class="row-count">{rows.length === 1 ? "1 row" : `${rows.length} rows`}{rows.length > ROWS && `, ${ROWS} a page`}.</p>
      <div class="table-scroll" tabIndex={0} role="region" aria-label="Result table">
        <table class="results">
          <thead>
            <tr>{vars.map((x) => <th scope="col">{x}</th>)}</tr>
          </thead>
          <tbody>
            {rows.slice(page * ROWS, (page + 1) * ROWS).map((r) => (
              <tr>{vars.map((x) => <td><Cell term={r[x]} /></td>)}</tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager page={page} more={(page + 1) * ROWS < rows.length} onPage={setPage} label="Result" />
    </>
  );
}
