// The class of a node, shown in words and in colour (never colour alone).
import { className } from "./sparql";

export const KIND_NAMES: Record<string, string> = {
  Person: "person",
  Organization: "organization",
  Place: "place",
  Event: "event",
  Statement: "statement",
  Role: "role",
  Article: "article",
};

export function kindOf(typeIri: string): string {
  return className(typeIri);
}

export function KindTag({ kind }: { kind: string }) {
  return <span class={`kind kind-${kind.toLowerCase()}`}>{KIND_NAMES[kind] ?? kind.toLowerCase()}</span>;
}
