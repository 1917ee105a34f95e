// The first view: the search box, what the store holds, and its articles, newest first.
import { useState } from "preact/hooks";
import { SearchBox } from "./search";
import { select, v, n } from "./sparql";
import { href } from "./route";
import { useLoad, useTitle, Pending } from "./app";

const PAGE = 25;

export function Home() {
  useTitle("Search");
  return (
    <>
      <h1 tabIndex={-1}>Explore the graph</h1>
      <SearchBox autofocus />
      <Counts />
      <Articles />
    </>
  );
}

function Counts() {
  const { data, error } = useLoad(
    (signal) =>
      select(
        `SELECT ?type (COUNT(DISTINCT ?x) AS ?n) WHERE {
           VALUES ?type { ng:Article ng:Person ng:Organization ng:Place ng:Event ng:Statement ng:Role }
           ?x a ?type } GROUP BY ?type`,
        signal,
      ),
    [],
  );
  if (!data) return <Pending error={error} />;
  const count = (type: string) => n(data.find((r) => v(r, "type").endsWith(`#${type}`)) ?? {}, "n") || 0;
  return (
    <section aria-labelledby="counts-h">
      <h2 id="counts-h">In the store</h2>
      <ul class="counts">
        {["Article", "Person", "Organization", "Place", "Event", "Statement", "Role"].map((t) => (
          <li>
            <strong>{count(t).toLocaleString("en")}</strong> {t === "Person" ? "persons" : `${t.toLowerCase()}s`}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Articles() {
  const [page, setPage] = useState(0);
  const { data, error } = useLoad(
    (signal) =>
      select(
        `SELECT ?a (SAMPLE(?l) AS ?label) (SAMPLE(?t) AS ?title) (SAMPLE(?p) AS ?published) WHERE {
           ?a a ng:Article . OPTIONAL { ?a rdfs:label ?l } OPTIONAL { ?a schema:headline ?t } OPTIONAL { ?a ng:published ?p }
         } GROUP BY ?a ORDER BY DESC(?published) ?label LIMIT ${PAGE + 1} OFFSET ${page * PAGE}`,
        signal,
      ),
    [page],
  );
  return (
    <section aria-labelledby="articles-h">
      <h2 id="articles-h">Articles</h2>
      {!data ? (
        <Pending error={error} />
      ) : (
        <>
          <ul class="articles">
            {data.slice(0, PAGE).map((r) => (
              <li>
                <a href={href({ view: "article", iri: v(r, "a") })}>{v(r, "title") || v(r, "label")}</a>
                {v(r, "published") && <span class="date"> {v(r, "published")}</span>}
              </li>
            ))}
          </ul>
          <Pager page={page} more={data.length > PAGE} onPage={setPage} label="Articles" />
        </>
      )}
    </section>
  );
}

/** Earlier/later page buttons. */
export function Pager({ page, more, onPage, label }: { page: number; more: boolean; onPage: (p: number) => void; label: string }) {
  if (page === 0 && !more) return null;
  return (
    <nav class="pager" aria-label={`${label} pages`}>
      <button type="button" disabled={page === 0} onClick={() => onPage(page - 1)}>Previous</button>
      <span>Page {page + 1}</span>
      <button type="button" disabled={!more} onClick={() => onPage(page + 1)}>Next</button>
    </nav>
  );
}
