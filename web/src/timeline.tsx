// Events and statements by date, oldest first, for one entity or for all, within a
// range of dates. A statement without a date of its own takes its article's.
import { useState } from "preact/hooks";
import { select, v, iri, literal } from "./sparql";
import { href } from "./route";
import { useLoad, useTitle, Pending } from "./app";
import { Pager } from "./home";
import { KindTag } from "./kinds";

const PAGE = 50;
const DATE_PATTERN = "\\d{4}(-\\d{2}(-\\d{2})?)?";

function timelineQuery(entity: string | undefined, from: string | undefined, to: string | undefined, page: number): string {
  const who = entity ? iri(entity) : "";
  const filters = [
    from ? `STR(?date) >= ${literal(from)}` : "",
    // "2020-11" ends after every day of November 2020
    to ? `STR(?date) <= ${literal(`${to}~`)}` : "",
  ].filter(Boolean);
  return `SELECT ?x ?kind ?date (SAMPLE(?l) AS ?label) (SAMPLE(?w) AS ?who) (SAMPLE(?a) AS ?article) WHERE {
    {
      ?x a ng:Event ; ng:date|ng:startDate ?date . BIND("Event" AS ?kind)
      ${entity ? `?x ng:participant|ng:agent|ng:affected|ng:organizer ${who} .` : ""}
      OPTIONAL { ?x rdfs:label ?l } OPTIONAL { ?x ng:agent/rdfs:label ?w }
    } UNION {
      ?x a ng:Statement ; ng:text ?l . BIND("Statement" AS ?kind)
      ${entity ? `?x ng:speaker ${who} .` : ""}
      OPTIONAL { ?x ng:date ?own } OPTIONAL { ?x prov:wasDerivedFrom/ng:published ?published }
      BIND(COALESCE(?own, ?published) AS ?date) FILTER(BOUND(?date))
      OPTIONAL { ?x ng:speaker/rdfs:label ?w }
    }
    OPTIONAL { ?x prov:wasDerivedFrom ?a }
    ${filters.length ? `FILTER(${filters.join(" && ")})` : ""}
  } GROUP BY ?x ?kind ?date ORDER BY STR(?date) ?x LIMIT ${PAGE + 1} OFFSET ${page * PAGE}`;
}

export function TimelineView({ entity, from, to }: { entity?: string; from?: string; to?: string }) {
  const [page, setPage] = useState(0);
  const name = useLoad(
    (signal) => (entity ? select(`SELECT ?l WHERE { ${iri(entity)} rdfs:label ?l } LIMIT 1`, signal) : Promise.resolve([])),
    [entity],
  );
  const label = name.data?.length ? v(name.data[0], "l") : entity;
  useTitle(label ? `Timeline of ${label}` : "Timeline");
  const { data, error } = useLoad((signal) => select(timelineQuery(entity, from, to, page), signal), [entity, from, to, page]);

  const submit = (e: Event) => {
    e.preventDefault();
    const form = new FormData(e.target as HTMLFormElement);
    const get = (k: string) => (form.get(k) as string) || undefined;
    setPage(0);
    location.hash = href({ view: "timeline", entity: get("entity"), from: get("from"), to: get("to") });
  };

  return (
    <>
      <h1 tabIndex={-1}>{label ? `Timeline of ${label}` : "Timeline"}</h1>
      <form class="timeline-filter" onSubmit={submit}>
        <div>
          <label for="tl-entity">Entity IRI</label>
          <input id="tl-entity" name="entity" type="text" value={entity ?? ""} placeholder="all entities" size={40} />
        </div>
        <div>
          <label for="tl-from">From</label>
          <input id="tl-from" name="from" type="text" inputMode="numeric" pattern={DATE_PATTERN} value={from ?? ""} placeholder="YYYY-MM-DD" size={11} />
        </div>
        <div>
          <label for="tl-to">To</label>
          <input id="tl-to" name="to" type="text" inputMode="numeric" pattern={DATE_PATTERN} value={to ?? ""} placeholder="YYYY-MM-DD" size={11} />
        </div>
        <button type="submit">Show</button>
      </form>
      {!data ? (
        <Pending error={error} />
      ) : data.length === 0 ? (
        <p>Nothing dated{entity ? ` for ${label}` : ""}{from || to ? " in that range" : ""}.</p>
      ) : (
        <>
          <ol class="timeline">
            {data.slice(0, PAGE).map((r) => (
              <li data-date={v(r, "date")}>
                <time dateTime={v(r, "date")}>{v(r, "date")}</time> <KindTag kind={v(r, "kind")} />{" "}
                {v(r, "who") && <strong>{v(r, "who")}: </strong>}
                {v(r, "kind") === "Statement" ? <q>{v(r, "label")}</q> : <span>{v(r, "label")}</span>}
                {v(r, "article") && (
                  <> · <a href={href({ view: "article", iri: v(r, "article"), fact: v(r, "x") })}>in the article</a></>
                )}
              </li>
            ))}
          </ol>
          <Pager page={page} more={data.length > PAGE} onPage={setPage} label="Timeline" />
        </>
      )}
    </>
  );
}
