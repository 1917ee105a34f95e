// The page of one person, organization, place or event: its names, roles, statements,
// events, links to open-data graphs, the articles that name it, and its neighbours.
import { select, v, iri, className, Row } from "./sparql";
import { href } from "./route";
import { useLoad, useTitle, Pending } from "./app";
import { KindTag } from "./kinds";
import { Neighbourhood } from "./graph";

type Entity = { label: string; kind: string; aliases: string[] };

async function loadEntity(e: string, signal: AbortSignal) {
  const node = iri(e);
  const [info, roles, statements, events, links, articles] = await Promise.all([
    select(
      `SELECT ?type ?label ?alias WHERE {
         ${node} a ?type . VALUES ?type { ng:Person ng:Organization ng:Place ng:Event }
         OPTIONAL { ${node} rdfs:label ?label } OPTIONAL { ${node} ng:alias ?alias } }`,
      signal,
    ),
    select(
      `SELECT DISTINCT ?role ?title ?at (SAMPLE(?l) AS ?atLabel) ?article (SAMPLE(?p) AS ?published) WHERE {
         ${node} ng:holdsRole ?role . ?role ng:roleTitle ?title .
         OPTIONAL { ?role ng:roleAt ?at . OPTIONAL { ?at rdfs:label ?l } }
         OPTIONAL { ?role prov:wasDerivedFrom ?article . OPTIONAL { ?article ng:published ?p } }
       } GROUP BY ?role ?title ?at ?article ORDER BY ?title ?published LIMIT 200`,
      signal,
    ),
    select(
      `SELECT ?s ?text (SAMPLE(?q) AS ?quoteType) (SAMPLE(?d) AS ?date) ?article (SAMPLE(?p) AS ?published) WHERE {
         ?s ng:speaker ${node} ; ng:text ?text . OPTIONAL { ?s ng:quoteType ?q } OPTIONAL { ?s ng:date ?d }
         OPTIONAL { ?s prov:wasDerivedFrom ?article . OPTIONAL { ?article ng:published ?p } }
       } GROUP BY ?s ?text ?article ORDER BY DESC(?published) ?s LIMIT 200`,
      signal,
    ),
    select(
      `SELECT ?ev ?how (SAMPLE(?l) AS ?label) (SAMPLE(?t) AS ?trigger) (SAMPLE(?d) AS ?date) ?article WHERE {
         ?ev ?how ${node} . VALUES ?how { ng:participant ng:agent ng:affected ng:organizer }
         OPTIONAL { ?ev rdfs:label ?l } OPTIONAL { ?ev ng:trigger ?t }
         OPTIONAL { ?ev ng:date|ng:startDate ?d } OPTIONAL { ?ev prov:wasDerivedFrom ?article }
       } GROUP BY ?ev ?how ?article ORDER BY ?date ?ev LIMIT 200`,
      signal,
    ),
    select(`SELECT DISTINCT ?same WHERE { ${node} owl:sameAs ?same } ORDER BY ?same`, signal),
    select(
      `SELECT ?a (SAMPLE(?l) AS ?label) (SAMPLE(?t) AS ?title) (SAMPLE(?p) AS ?published) WHERE {
         ${node} prov:wasDerivedFrom ?a . OPTIONAL { ?a rdfs:label ?l } OPTIONAL { ?a schema:headline ?t }
         OPTIONAL { ?a ng:published ?p } } GROUP BY ?a ORDER BY DESC(?published) ?label LIMIT 100`,
      signal,
    ),
  ]);
  if (!info.length) return { entity: undefined };
  const entity: Entity = {
    label: info.map((r) => v(r, "label")).find(Boolean) ?? e,
    kind: className(v(info[0], "type")),
    aliases: [...new Set(info.map((r) => v(r, "alias")).filter(Boolean))].sort(),
  };
  return { entity, roles, statements, events, links, articles };
}

/** A link to an article, by its title or name. */
export function ArticleLink({ row, name = "article" }: { row: Row; name?: string }) {
  const a = v(row, name);
  if (!a) return null;
  const text = v(row, "title") || v(row, "label") || a.replace(/^.*\//, "");
  return <a href={href({ view: "article", iri: a })}>{text}</a>;
}

function EntityLink({ iri: e, label }: { iri: string; label: string }) {
  return e ? <a href={href({ view: "entity", iri: e })}>{label || e}</a> : null;
}

function linkSource(same: string): string {
  if (same.includes("wikidata.org")) return "Wikidata";
  if (same.includes("dbpedia.org")) return "DBpedia";
  if (same.includes("geonames.org")) return "GeoNames";
  return new URL(same).host;
}

export function EntityView({ iri: e }: { iri: string }) {
  const { data, error } = useLoad((signal) => loadEntity(e, signal), [e]);
  const entity = data?.entity;
  useTitle(entity?.label ?? (data ? "Not in the store" : "Entity"));
  // One heading element whatever the state, so that the focus put on it stays there.
  return (
    <article class="entity">
      <h1 tabIndex={-1}>
        {entity ? <>{entity.label} <KindTag kind={entity.kind} /></> : data ? "Not in the store" : "Entity"}
      </h1>
      {!data ? (
        <Pending error={error} />
      ) : !entity ? (
        <p>Nothing in the store is called <code>{e}</code>.</p>
      ) : (
        <EntityBody {...data} iri={e} entity={entity} />
      )}
    </article>
  );
}

function EntityBody({ iri: e, entity, roles = [], statements = [], events = [], links = [], articles = [] }: { iri: string; entity: Entity; roles?: Row[]; statements?: Row[]; events?: Row[]; links?: Row[]; articles?: Row[] }) {
  return (
    <>
      <dl class="facts-list">
        <dt>IRI</dt>
        <dd><code>{e}</code></dd>
        {entity.aliases.length > 0 && (
          <>
            <dt>Also called</dt>
            <dd>{entity.aliases.join(", ")}</dd>
          </>
        )}
        {links.length > 0 && (
          <>
            <dt>Elsewhere</dt>
            <dd>
              <ul class="inline">
                {links.map((r) => (
                  <li><a href={v(r, "same")} rel="noreferrer">{linkSource(v(r, "same"))}</a></li>
                ))}
              </ul>
            </dd>
          </>
        )}
        <dt>Timeline</dt>
        <dd><a href={href({ view: "timeline", entity: e })}>Events and statements of {entity.label} by date</a></dd>
      </dl>

      {roles.length > 0 && (
        <section aria-labelledby="roles-h">
          <h2 id="roles-h">Roles</h2>
          <table class="roles">
            <thead><tr><th scope="col">Title</th><th scope="col">At</th><th scope="col">Date of the article</th><th scope="col">Evidence</th></tr></thead>
            <tbody>
              {roles.map((r) => (
                <tr data-role={v(r, "role")}>
                  <td class="role-title">{v(r, "title")}</td>
                  <td><EntityLink iri={v(r, "at")} label={v(r, "atLabel")} /></td>
                  <td>{v(r, "published")}</td>
                  <td>{v(r, "article") && <a href={href({ view: "article", iri: v(r, "article"), fact: v(r, "role") })}>in the article</a>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}

      {statements.length > 0 && (
        <section aria-labelledby="statements-h">
          <h2 id="statements-h">Statements</h2>
          <ul class="statements">
            {statements.map((r) => (
              <li data-statement={v(r, "s")}>
                <blockquote class={`quote ${v(r, "quoteType")}`}>{v(r, "text")}</blockquote>
                <p class="meta">
                  <span class="quote-type">{v(r, "quoteType") === "direct" ? "direct quote" : "reported speech"}</span>
                  {(v(r, "date") || v(r, "published")) && <> · {v(r, "date") || v(r, "published")}</>}
                  {v(r, "article") && <> · <a href={href({ view: "article", iri: v(r, "article"), fact: v(r, "s") })}>in the article</a></>}
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}

      {events.length > 0 && (
        <section aria-labelledby="events-h">
          <h2 id="events-h">Events</h2>
          <ul class="events">
            {events.map((r) => (
              <li>
                <span class="how">{className(v(r, "how"))}</span>{" "}
                {v(r, "trigger") ? <strong>{v(r, "trigger")}</strong> : <EntityLink iri={v(r, "ev")} label={v(r, "label")} />}
                {v(r, "trigger") && v(r, "label") && <> — “{v(r, "label")}”</>}
                {v(r, "date") && <span class="date"> {v(r, "date")}</span>}
                {v(r, "article") && <> · <a href={href({ view: "article", iri: v(r, "article"), fact: v(r, "ev") })}>in the article</a></>}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="articles-h">
        <h2 id="articles-h">Articles that name {entity.label}</h2>
        <ul class="articles">
          {articles.map((r) => (
            <li>
              <ArticleLink row={r} name="a" />
              {v(r, "published") && <span class="date"> {v(r, "published")}</span>}
            </li>
          ))}
        </ul>
      </section>

      <Neighbourhood center={e} label={entity.label} kind={entity.kind} />
    </>
  );
}
