// An article with every recognized mention marked by its type, and the facts read from
// it. Choosing a fact highlights exactly the words of its evidence and shows the rule
// and the confidence behind it; the choice is part of the link (…?fact=IRI).
import { useEffect } from "preact/hooks";
import { select, v, n, iri, className } from "./sparql";
import { href } from "./route";
import { useLoad, useTitle, Pending } from "./app";
import { layout, isPiece, Node, Piece, Span } from "./text";
import { KIND_NAMES } from "./kinds";

type Evidence = { begin: number; end: number; rule: string; confidence: number; anchor: string };
type Fact = { iri: string; kind: "role" | "statement" | "action" | "event"; summary: string; evidence: Evidence[] };

async function loadArticle(a: string, signal: AbortSignal) {
  const node = iri(a);
  const [info, mentions, facts] = await Promise.all([
    select(
      `SELECT ?text (SAMPLE(?l) AS ?label) (SAMPLE(?t) AS ?title) (SAMPLE(?p) AS ?published) (SAMPLE(?u) AS ?url) WHERE {
         ${node} nif:isString ?text . OPTIONAL { ${node} rdfs:label ?l } OPTIONAL { ${node} schema:headline ?t }
         OPTIONAL { ${node} ng:published ?p } OPTIONAL { ${node} schema:url ?u } } GROUP BY ?text`,
      signal,
    ),
    select(
      `SELECT ?m ?b ?e ?x ?type (SAMPLE(?l) AS ?label) WHERE {
         ?m nif:referenceContext ${node} ; itsrdf:taIdentRef ?x ; nif:beginIndex ?b ; nif:endIndex ?e .
         ?x a ?type . VALUES ?type { ng:Person ng:Organization ng:Place ng:Event }
         OPTIONAL { ?x rdfs:label ?l } } GROUP BY ?m ?b ?e ?x ?type`,
      signal,
    ),
    select(
      `SELECT ?f ?kind ?b ?e ?rule ?conf ?anchor (SAMPLE(?w) AS ?who) (SAMPLE(?wt) AS ?what) (SAMPLE(?o) AS ?other) WHERE {
         ?f prov:wasDerivedFrom ${node} ; ng:evidence ?m .
         ?m nif:beginIndex ?b ; nif:endIndex ?e ; ng:rule ?rule ; ng:confidence ?conf ; nif:anchorOf ?anchor .
         FILTER NOT EXISTS { ?m itsrdf:taIdentRef ?f }
         {
           ?f a ng:Role ; ng:roleTitle ?wt . BIND("role" AS ?kind)
           OPTIONAL { ?p ng:holdsRole ?f ; rdfs:label ?w } OPTIONAL { ?f ng:roleAt/rdfs:label ?o }
         } UNION {
           ?f a ng:Statement ; ng:text ?wt . BIND("statement" AS ?kind)
           OPTIONAL { ?f ng:speaker/rdfs:label ?w } OPTIONAL { ?f ng:quoteType ?o }
         } UNION {
           ?f a ng:Event ; ng:trigger ?wt . BIND("action" AS ?kind)
           OPTIONAL { ?f ng:agent/rdfs:label ?w } OPTIONAL { ?f ng:affected/rdfs:label ?o }
         } UNION {
           ?f a ng:Event ; rdfs:label ?wt . FILTER NOT EXISTS { ?f ng:trigger ?any } BIND("event" AS ?kind)
         }
       } GROUP BY ?f ?kind ?b ?e ?rule ?conf ?anchor ORDER BY ?b ?e`,
      signal,
    ),
  ]);
  if (!info.length) return null;
  const spans: Span[] = mentions.map((r) => ({
    id: v(r, "m"),
    begin: n(r, "b"),
    end: n(r, "e"),
    kind: className(v(r, "type")),
    label: v(r, "label"),
    entity: v(r, "x"),
  }));
  const byIri = new Map<string, Fact>();
  for (const r of facts) {
    const f = v(r, "f");
    const kind = v(r, "kind") as Fact["kind"];
    if (!byIri.has(f)) byIri.set(f, { iri: f, kind, summary: summary(kind, v(r, "who"), v(r, "what"), v(r, "other")), evidence: [] });
    const fact = byIri.get(f)!;
    const ev = { begin: n(r, "b"), end: n(r, "e"), rule: v(r, "rule"), confidence: n(r, "conf"), anchor: v(r, "anchor") };
    if (!fact.evidence.some((x) => x.begin === ev.begin && x.end === ev.end)) fact.evidence.push(ev);
  }
  return {
    text: v(info[0], "text"),
    title: v(info[0], "title") || v(info[0], "label"),
    published: v(info[0], "published"),
    url: v(info[0], "url"),
    spans,
    facts: [...byIri.values()],
  };
}

function summary(kind: Fact["kind"], who: string, what: string, other: string): string {
  switch (kind) {
    case "role":
      return `${who || "someone"}: ${what}${other ? `, ${other}` : ""}`;
    case "statement":
      return `${who || "someone"} (${other === "direct" ? "direct" : "reported"}): “${what}”`;
    case "action":
      return `${who || "someone"} ${what}${other ? ` → ${other}` : ""}`;
    case "event":
      return what;
  }
}

const FACT_HEADINGS: [Fact["kind"], string][] = [
  ["role", "Roles"],
  ["statement", "Statements"],
  ["action", "Actions"],
  ["event", "Events"],
];

export function ArticleView({ iri: a, fact }: { iri: string; fact?: string }) {
  const { data, error } = useLoad((signal) => loadArticle(a, signal), [a]);
  useTitle(data ? data.title : data === null ? "Article not found" : "Article");
  const chosen = data?.facts.find((f) => f.iri === fact);
  useEffect(() => {
    if (chosen) document.querySelector(".article-text .evidence")?.scrollIntoView({ block: "center" });
  }, [chosen, data]);
  const evidence = chosen?.evidence.map((e) => [e.begin, e.end] as [number, number]);
  // One heading element whatever the state, so that the focus put on it stays there.
  return (
    <article class="article-view">
      <h1 tabIndex={-1}>{data ? data.title : data === null ? "Article not found" : "Article"}</h1>
      {!data ? <Pending error={data === null ? `There is no article ${a} in the store.` : error} /> : <>
      <p class="meta">
        {data.published && <>Published {data.published} · </>}
        {data.spans.length} mentions, {data.facts.length} facts
        {data.url && <> · <a href={data.url} rel="noreferrer">the original</a></>}
      </p>
      <Legend />
      <div class="article-body">
        <section aria-labelledby="text-h" class="text-column">
          <h2 id="text-h" class="visually-hidden">Text</h2>
          <div class="article-text" data-mentions={data.spans.length}>
            <Marks node={layout(data.text, data.spans, evidence)} />
          </div>
        </section>
        <aside aria-labelledby="facts-h" class="facts-column">
          <h2 id="facts-h">Facts</h2>
          {chosen && <Why fact={chosen} article={a} />}
          {FACT_HEADINGS.map(([kind, heading]) => {
            const of = data.facts.filter((f) => f.kind === kind);
            return of.length ? (
              <section aria-label={heading}>
                <h3>{heading}</h3>
                <ul class="facts">
                  {of.map((f) => (
                    <li>
                      <a
                        href={href({ view: "article", iri: a, fact: f.iri })}
                        class={`fact fact-${f.kind}`}
                        aria-current={f.iri === fact ? "true" : undefined}
                        data-fact={f.iri}
                      >
                        {f.summary}
                      </a>
                    </li>
                  ))}
                </ul>
              </section>
            ) : null;
          })}
        </aside>
      </div>
      </>}
    </article>
  );
}

function Legend() {
  return (
    <p class="legend">
      Names are marked with their type:{" "}
      {["Person", "Organization", "Place", "Event"].map((k) => (
        <><mark class={`m m-${k.toLowerCase()}`} data-type={KIND_NAMES[k]}>name</mark>{" "}</>
      ))}
      ; choose a fact to see the words it was read from <span class="evidence">highlighted</span>.
    </p>
  );
}

function Why({ fact, article }: { fact: Fact; article: string }) {
  return (
    <div class="why" role="status">
      <h3>Chosen: {fact.kind}</h3>
      <p>{fact.summary}</p>
      <ul>
        {fact.evidence.map((e) => (
          <li>
            characters {e.begin}–{e.end}, rule <code>{e.rule}</code>, confidence {e.confidence.toFixed(2)}
          </li>
        ))}
      </ul>
      <a href={href({ view: "article", iri: article })}>Clear the highlight</a>
    </div>
  );
}

function Marks({ node }: { node: Node }) {
  const inner = node.children.map((child) => (isPiece(child) ? <Text piece={child} /> : <Marks node={child} />));
  const span = node.span;
  if (!span) return <>{inner}</>;
  return (
    <mark class={`m m-${span.kind.toLowerCase()}`} data-mention={span.id} data-type={KIND_NAMES[span.kind] ?? span.kind} title={`${span.label} (${KIND_NAMES[span.kind]})`}>
      {inner}
    </mark>
  );
}

function Text({ piece }: { piece: Piece }) {
  return piece.evidence ? <span class="evidence" data-begin={piece.begin} data-end={piece.end}>{piece.text}</span> : <>{piece.text}</>;
}
