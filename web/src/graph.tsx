// A small picture of an entity's neighbourhood: nodes coloured and named by class,
// labelled edges, a click on a node adds its own neighbours. Beside it, the same
// neighbours as a list of links and buttons, for keyboards and screen readers.
import { useEffect, useMemo, useState } from "preact/hooks";
import { select, v, iri, className } from "./sparql";
import { href } from "./route";
import { KindTag } from "./kinds";

export type GraphNode = { id: string; label: string; kind: string; x?: number; y?: number };
export type GraphEdge = { from: string; to: string; label: string };

const MAX_NEIGHBOURS = 30;

/** The entities one step from `e`, through a property or a role. */
async function neighbours(e: string): Promise<{ nodes: GraphNode[]; edges: GraphEdge[] }> {
  const node = iri(e);
  const rows = await select(
    `SELECT ?o ?p ?in ?title ?type (SAMPLE(?l) AS ?label) WHERE {
       { ${node} ?p ?o . BIND(false AS ?in) } UNION { ?o ?p ${node} . BIND(true AS ?in) }
       UNION { ${node} ng:holdsRole ?r . ?r ng:roleTitle ?title ; ng:roleAt ?o . BIND(ng:holdsRole AS ?p) BIND(false AS ?in) }
       UNION { ?o ng:holdsRole ?r . ?r ng:roleTitle ?title ; ng:roleAt ${node} . BIND(ng:holdsRole AS ?p) BIND(true AS ?in) }
       ?o a ?type . VALUES ?type { ng:Person ng:Organization ng:Place ng:Event }
       OPTIONAL { ?o rdfs:label ?l }
     } GROUP BY ?o ?p ?in ?title ?type LIMIT ${MAX_NEIGHBOURS * 3}`,
  );
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  for (const r of rows) {
    const o = v(r, "o");
    if (o === e) continue;
    if (!nodes.has(o)) {
      if (nodes.size >= MAX_NEIGHBOURS) continue;
      nodes.set(o, { id: o, label: v(r, "label") || o.replace(/^.*\//, ""), kind: className(v(r, "type")) });
    }
    const label = v(r, "title") || className(v(r, "p"));
    const [from, to] = v(r, "in") === "true" ? [o, e] : [e, o];
    edges.set(`${from} ${label} ${to}`, { from, to, label });
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

/** Places nodes by a few hundred steps of a spring model; placed nodes stay near where they were. */
export function place(nodes: GraphNode[], edges: GraphEdge[], width: number, height: number) {
  const at = new Map(nodes.map((n, i) => {
    const angle = (2 * Math.PI * i) / Math.max(1, nodes.length);
    return [n.id, { x: n.x ?? width / 2 + Math.cos(angle) * width / 3, y: n.y ?? height / 2 + Math.sin(angle) * height / 3 }];
  }));
  const ids = nodes.map((n) => n.id);
  for (let step = 0; step < 300; step++) {
    const heat = 1 - step / 300;
    const force = new Map(ids.map((id) => [id, { x: 0, y: 0 }]));
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const a = at.get(ids[i])!, b = at.get(ids[j])!;
        const dx = a.x - b.x || 0.01, dy = a.y - b.y || 0.01;
        const d2 = Math.max(dx * dx + dy * dy, 100);
        const push = 6000 / d2;
        const d = Math.sqrt(d2);
        force.get(ids[i])!.x += (dx / d) * push; force.get(ids[i])!.y += (dy / d) * push;
        force.get(ids[j])!.x -= (dx / d) * push; force.get(ids[j])!.y -= (dy / d) * push;
      }
    }
    for (const e of edges) {
      const a = at.get(e.from), b = at.get(e.to);
      if (!a || !b) continue;
      const dx = b.x - a.x, dy = b.y - a.y;
      const d = Math.sqrt(dx * dx + dy * dy) || 1;
      const pull = (d - 120) * 0.05;
      force.get(e.from)!.x += (dx / d) * pull; force.get(e.from)!.y += (dy / d) * pull;
      force.get(e.to)!.x -= (dx / d) * pull; force.get(e.to)!.y -= (dy / d) * pull;
    }
    for (const id of ids) {
      const p = at.get(id)!, f = force.get(id)!;
      f.x += (width / 2 - p.x) * 0.01; f.y += (height / 2 - p.y) * 0.01;
      p.x = Math.min(width - 60, Math.max(60, p.x + Math.max(-20, Math.min(20, f.x)) * heat));
      p.y = Math.min(height - 20, Math.max(20, p.y + Math.max(-20, Math.min(20, f.y)) * heat));
    }
  }
  return nodes.map((n) => ({ ...n, ...at.get(n.id)! }));
}

/** Draws nodes and edges; `onPick` is called with a node clicked. */
export function GraphPicture({ nodes, edges, title, onPick }: { nodes: GraphNode[]; edges: GraphEdge[]; title: string; onPick?: (n: GraphNode) => void }) {
  const [width, height] = [720, 420];
  const placed = useMemo(() => place(nodes, edges, width, height), [nodes, edges]);
  const by = new Map(placed.map((n) => [n.id, n]));
  return (
    <svg class="graph" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title}>
      <defs>
        <marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
          <path d="M 0 0 L 10 5 L 0 10 z" class="arrow" />
        </marker>
      </defs>
      {edges.map((e) => {
        const a = by.get(e.from), b = by.get(e.to);
        if (!a || !b) return null;
        return (
          <g class="edge">
            <line x1={a.x} y1={a.y} x2={b.x} y2={b.y} marker-end="url(#arrow)" />
            <text x={(a.x! + b.x!) / 2} y={(a.y! + b.y!) / 2 - 3}>{e.label}</text>
          </g>
        );
      })}
      {placed.map((n) => (
        <g class={`node kind-${n.kind.toLowerCase()}`} transform={`translate(${n.x},${n.y})`} onClick={() => onPick?.(n)}>
          <circle r="9" />
          <text y="-13">{n.label.length > 28 ? `${n.label.slice(0, 27)}…` : n.label}</text>
          <text y="22" class="node-kind">{n.kind.toLowerCase()}</text>
        </g>
      ))}
    </svg>
  );
}

export function Neighbourhood({ center, label, kind }: { center: string; label: string; kind: string }) {
  const [nodes, setNodes] = useState<GraphNode[]>([{ id: center, label, kind }]);
  const [edges, setEdges] = useState<GraphEdge[]>([]);
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const [error, setError] = useState("");

  const expand = async (id: string) => {
    if (expanded.has(id)) return;
    setExpanded((s) => new Set(s).add(id));
    try {
      const found = await neighbours(id);
      setNodes((before) => {
        const known = new Set(before.map((n) => n.id));
        return [...before, ...found.nodes.filter((n) => !known.has(n.id))];
      });
      setEdges((before) => {
        const known = new Set(before.map((e) => `${e.from} ${e.label} ${e.to}`));
        return [...before, ...found.edges.filter((e) => !known.has(`${e.from} ${e.label} ${e.to}`))];
      });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  useEffect(() => {
    expand(center);
  }, [center]);

  const labelOf = new Map(nodes.map((n) => [n.id, n.label]));
  return (
    <section aria-labelledby="neighbours-h" class="neighbourhood">
      <h2 id="neighbours-h">Neighbourhood</h2>
      {error && <p class="error" role="alert">{error}</p>}
      <div class="neighbourhood-body">
        <GraphPicture
          nodes={nodes}
          edges={edges}
          title={`Graph of ${label} and its neighbours; the list beside it holds the same links`}
          onPick={(n) => expand(n.id)}
        />
        <ul class="neighbour-list" aria-label="Neighbours">
          {edges.map((e) => {
            const other = e.from === center || expanded.has(e.from) && !expanded.has(e.to) ? e.to : e.from;
            const node = nodes.find((n) => n.id === other);
            return (
              <li>
                {labelOf.get(e.from)} <em>{e.label}</em> {labelOf.get(e.to)}
                {node && (
                  <>
                    {" "}<KindTag kind={node.kind} />{" "}
                    <a href={href({ view: "entity", iri: node.id })} aria-label={`Open ${node.label}`}>open</a>
                    {!expanded.has(node.id) && (
                      <button type="button" class="link" onClick={() => expand(node.id)} aria-label={`Add the neighbours of ${node.label}`}>
                        expand
                      </button>
                    )}
                  </>
                )}
              </li>
            );
          })}
        </ul>
      </div>
    </section>
  );
}
