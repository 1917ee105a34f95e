// The search box: the ARIA combobox pattern over /api/search. Typing waits 150 ms
// before asking (and cancels the question before), arrows move through the names,
// Enter opens one, Escape closes the list; the count is announced.
import { useEffect, useRef, useState } from "preact/hooks";
import { search, Hit } from "./sparql";
import { href } from "./route";
import { KindTag } from "./kinds";

const PAGE = 20;

export function SearchBox({ autofocus }: { autofocus?: boolean }) {
  const [text, setText] = useState("");
  const [hits, setHits] = useState<Hit[]>([]);
  const [total, setTotal] = useState(0);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState("");
  const pending = useRef<AbortController>();
  const input = useRef<HTMLInputElement>(null);

  const ask = (q: string, offset: number) => {
    pending.current?.abort();
    const control = new AbortController();
    pending.current = control;
    search(q, offset, PAGE, control.signal).then(
      (page) => {
        setHits((before) => (offset === 0 ? page.hits : [...before, ...page.hits]));
        setTotal(page.total);
        setOpen(true);
        if (offset === 0) setActive(-1);
        setStatus(page.total === 1 ? "1 name found" : `${page.total} names found`);
      },
      (e) => {
        if (!control.signal.aborted) setStatus(`Search failed: ${e.message}`);
      },
    );
  };

  useEffect(() => {
    if (!text.trim()) {
      pending.current?.abort();
      setHits([]);
      setTotal(0);
      setOpen(false);
      setStatus("");
      return;
    }
    const timer = setTimeout(() => ask(text, 0), 150);
    return () => clearTimeout(timer);
  }, [text]);

  useEffect(() => {
    if (autofocus) input.current?.focus();
  }, []);

  const go = (hit: Hit) => {
    setOpen(false);
    location.hash = href({ view: "entity", iri: hit.iri });
  };
  const more = () => ask(text, hits.length);

  const onKey = (e: KeyboardEvent) => {
    if (e.key === "ArrowDown") {
      e.preventDefault();
      if (!open && hits.length) setOpen(true);
      const next = Math.min(active + 1, hits.length - 1);
      setActive(next);
      if (next === hits.length - 1 && hits.length < total) more();
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      setActive(Math.max(active - 1, 0));
    } else if (e.key === "Enter") {
      const hit = hits[active] ?? (open ? hits[0] : undefined);
      if (hit) {
        e.preventDefault();
        go(hit);
      }
    } else if (e.key === "Escape") {
      if (open) setOpen(false);
      else setText("");
      setActive(-1);
    }
  };

  useEffect(() => {
    if (active >= 0) document.getElementById(`hit-${active}`)?.scrollIntoView({ block: "nearest" });
  }, [active]);

  const expanded = open && hits.length > 0;
  return (
    <div class="search">
      <label for="search-input">Find a person, organization, place or event</label>
      <input
        id="search-input"
        ref={input}
        type="text"
        role="combobox"
        autocomplete="off"
        spellcheck={false}
        aria-autocomplete="list"
        aria-controls="search-list"
        aria-expanded={expanded ? "true" : "false"}
        aria-activedescendant={expanded && active >= 0 ? `hit-${active}` : undefined}
        value={text}
        onInput={(e) => setText((e.target as HTMLInputElement).value)}
        onKeyDown={onKey}
        onBlur={() => setTimeout(() => setOpen(false), 200)}
        onFocus={() => hits.length && setOpen(true)}
      />
      <ul id="search-list" role="listbox" aria-label="Names found" hidden={!expanded}>
        {hits.map((hit, i) => (
          <li
            id={`hit-${i}`}
            role="option"
            aria-selected={i === active ? "true" : "false"}
            class={i === active ? "active" : undefined}
            onMouseDown={(e) => {
              e.preventDefault();
              go(hit);
            }}
            onMouseMove={() => setActive(i)}
          >
            <span class="hit-label">{hit.label}</span> <KindTag kind={hit.kind} />{" "}
            <span class="hit-count">{hit.articles === 1 ? "1 article" : `${hit.articles} articles`}</span>
            {hit.aliases.length > 0 && <span class="hit-aliases"> also “{hit.aliases.slice(0, 3).join("”, “")}”</span>}
          </li>
        ))}
      </ul>
      {expanded && hits.length < total && (
        <button type="button" class="more" onMouseDown={(e) => e.preventDefault()} onClick={more}>
          Show more ({hits.length} of {total})
        </button>
      )}
      <p class="search-status" role="status" aria-live="polite">
        {status}
      </p>
    </div>
  );
}
