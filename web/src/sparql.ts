// The page's one way to the store: SPARQL over POST /query (JSON results), and the
// search endpoint. Every IRI put into a query goes through `iri()`, which refuses
// anything that could break out of the angle brackets.

export const PREFIXES: Record<string, string> = {
  ng: "https://w3id.org/newsgraph/ontology#",
  rdf: "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
  rdfs: "http://www.w3.org/2000/01/rdf-schema#",
  xsd: "http://www.w3.org/2001/XMLSchema#",
  owl: "http://www.w3.org/2002/07/owl#",
  prov: "http://www.w3.org/ns/prov#",
  nif: "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#",
  itsrdf: "http://www.w3.org/2005/11/its/rdf#",
  schema: "https://schema.org/",
};

export const PREFIX_BLOCK = Object.entries(PREFIXES)
  .map(([p, ns]) => `PREFIX ${p}: <${ns}>`)
  .join("\n");

export type Term = { type: "uri" | "literal" | "bnode" | "triple"; value: string; datatype?: string; "xml:lang"?: string };
export type Row = Record<string, Term | undefined>;

/** The IRI as a SPARQL term, or an error for one that is not a plain IRI. */
export function iri(value: string): string {
  if (!/^[^\s<>"{}|^`\\]+$/.test(value)) throw new Error(`not an IRI: ${value}`);
  return `<${value}>`;
}

/** A string as a SPARQL literal. */
export function literal(value: string): string {
  return JSON.stringify(value);
}

/** An error of the server, with its message as sent. */
export class QueryError extends Error {
  constructor(public status: number, message: string) {
    super(message);
  }
}

/** Sends a query; `accept` says which format comes back. */
export async function send(query: string, accept: string, signal?: AbortSignal): Promise<Response> {
  const response = await fetch("/query", {
    method: "POST",
    headers: { "Content-Type": "application/sparql-query", Accept: accept },
    body: query,
    signal,
  });
  if (!response.ok) throw new QueryError(response.status, (await response.text()).trim());
  return response;
}

/** The rows of a SELECT query, with the ontology's prefixes declared. */
export async function select(query: string, signal?: AbortSignal): Promise<Row[]> {
  const response = await send(`${PREFIX_BLOCK}\n${query}`, "application/sparql-results+json", signal);
  const json = await response.json();
  return json.results.bindings as Row[];
}

/** The value of a binding, or "" when it is unbound. */
export const v = (row: Row, name: string): string => row[name]?.value ?? "";

/** A number binding. */
export const n = (row: Row, name: string): number => Number(row[name]?.value ?? NaN);

export type Kind = "Person" | "Organization" | "Place" | "Event";

export type Hit = { iri: string; label: string; kind: Kind; articles: number; aliases: string[] };

export type SearchPage = { query: string; total: number; offset: number; hits: Hit[] };

/** One page of names that start with what was typed. */
export async function search(q: string, offset: number, limit: number, signal?: AbortSignal): Promise<SearchPage> {
  const params = new URLSearchParams({ q, offset: String(offset), limit: String(limit) });
  const response = await fetch(`/api/search?${params}`, { signal });
  if (!response.ok) throw new QueryError(response.status, (await response.text()).trim());
  return response.json();
}

/** The local name of a class IRI ("Person" for ng:Person). */
export function className(value: string): string {
  return value.replace(/^.*[#/]/, "");
}

/** An IRI shortened with the ontology's prefixes, for display. */
export function short(value: string): string {
  for (const [p, ns] of Object.entries(PREFIXES)) {
    if (value.startsWith(ns)) return `${p}:${value.slice(ns.length)}`;
  }
  return value;
}
