// Lays an article's text out as nested marks. Offsets in the graph count Unicode code
// points (NIF); JavaScript strings count UTF-16 units, so the text is cut as an array of
// code points and an emoji before a name never shifts its mark.

/** A recognized mention: code-point offsets, end exclusive. */
export type Span = { id: string; begin: number; end: number; kind: string; label: string; entity: string };

/** A run of text with the same marks over it. */
export type Piece = { text: string; begin: number; end: number; evidence: boolean };

/** A mark and what it holds; the root has no span. */
export type Node = { span?: Span; children: (Node | Piece)[] };

export const isPiece = (x: Node | Piece): x is Piece => (x as Piece).text !== undefined;

/** The outer mark first: earlier start, then longer. */
const outerFirst = (a: Span, b: Span) => a.begin - b.begin || b.end - a.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The tree of marks over `text`. A mark that crosses another (starts inside it, ends
 * after it) is cut in two where the other ends; both parts keep the mention's id.
 * `evidence` holds the code-point ranges to highlight.
 */
export function layout(text: string, spans: Span[], evidence: [number, number][] = []): Node {
  const chars = Array.from(text);
  const valid = spans.filter((s) => 0 <= s.begin && s.begin < s.end && s.end <= chars.length);
  const cuts = new Set([0, chars.length]);
  for (const s of valid) cuts.add(s.begin).add(s.end);
  for (const [b, e] of evidence) cuts.add(Math.max(0, b)).add(Math.min(chars.length, e));
  const points = [...cuts].sort((a, b) => a - b);
  const root: Node = { children: [] };
  const stack: Node[] = [root];
  for (let k = 0; k + 1 < points.length; k++) {
    const [begin, end] = [points[k], points[k + 1]];
    const over = valid.filter((s) => s.begin <= begin && end <= s.end).sort(outerFirst);
    // Close the marks that do not go on over this piece, keeping the rest in order.
    let keep = 1;
    while (keep < stack.length && keep - 1 < over.length && stack[keep].span === over[keep - 1]) keep++;
    stack.length = keep;
    for (const span of over.slice(keep - 1)) {
      const node: Node = { span, children: [] };
      stack[stack.length - 1].children.push(node);
      stack.push(node);
    }
    const inEvidence = evidence.some(([b, e]) => b <= begin && end <= e);
    stack[stack.length - 1].children.push({ text: chars.slice(begin, end).join(""), begin, end, evidence: inEvidence });
  }
  return root;
}

/** The code points `begin..end` of `text`. */
export function slice(text: string, begin: number, end: number): string {
  return Array.from(text).slice(begin, end).join("");
}
