//! A readable account of an extraction: per sentence, what was found and by which
//! rule, with its confidence — what `newsgraph extract --explain` prints.

use crate::model::{DateValue, EntityKind, Span};
use crate::pipeline::Extraction;
use crate::relate::{Evidence, LinkKind};
use std::fmt::Write;

/// One line of the account, placed at the sentence its evidence starts in.
struct Line {
    at: usize,
    text: String,
}

fn rule(ev: &Evidence) -> String {
    format!("[{} {:.2}]", ev.rule, ev.confidence)
}

fn date(d: DateValue) -> String {
    d.lexical()
}

/// Writes the account of an extraction.
pub fn explain(x: &Extraction) -> String {
    let label = |e: usize| x.entities[e].label.as_str();
    let mut lines: Vec<Line> = Vec::new();
    for m in &x.mentions {
        let kind = match m.kind {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Place => "place",
            EntityKind::Event => "event",
        };
        let shown = if m.name == m.surface {
            format!("{:?}", m.name)
        } else {
            format!("{:?} as {:?}", m.surface, m.name)
        };
        lines.push(Line {
            at: m.span.start,
            text: format!("{kind:13} {shown} [{} {:.2}]", m.rule, m.confidence),
        });
    }
    for r in &x.facts.roles {
        let title = r.title.as_deref().unwrap_or("(no title)");
        let at = r.at.map_or(String::new(), |a| format!(" at {}", label(a)));
        lines.push(Line {
            at: r.evidence.span.start,
            text: format!(
                "role          {} — {title}{at} {}",
                label(r.person),
                rule(&r.evidence)
            ),
        });
    }
    for s in &x.facts.statements {
        let kind = if s.direct { "direct" } else { "indirect" };
        let mut text: String = s.text.chars().take(70).collect();
        if s.text.chars().count() > 70 {
            text.push('…');
        }
        let when = s.date.map_or(String::new(), |d| format!(" on {}", date(d)));
        lines.push(Line {
            at: s.evidence.span.start,
            text: format!(
                "statement     {} ({kind}{when}): {text:?} {}",
                label(s.speaker),
                rule(&s.evidence)
            ),
        });
    }
    for e in &x.facts.events {
        let name = e.entity.map_or(e.label.as_str(), label);
        let mut parts = Vec::new();
        if let (Some(t), Some(a)) = (&e.trigger, e.agent) {
            parts.push(format!("{} {t}", label(a)));
        }
        if let Some(a) = e.affected {
            parts.push(format!("affecting {}", label(a)));
        }
        if let Some(d) = e.date {
            parts.push(format!("on {}", date(d)));
        }
        if let Some(d) = e.start {
            parts.push(format!("from {d}"));
        }
        if let Some(d) = e.end {
            parts.push(format!("to {d}"));
        }
        if let Some(p) = e.location {
            parts.push(format!("in {}", label(p)));
        }
        if let Some(n) = e.ordinal {
            parts.push(format!("edition {n}"));
        }
        if !e.participants.is_empty() {
            let names: Vec<&str> = e.participants.iter().map(|&p| label(p)).collect();
            parts.push(format!("with {}", names.join(", ")));
        }
        for (k, ev) in e.evidence.iter().enumerate() {
            let text = if k == 0 {
                // (a named event's fact beside its name's mention line: say it has no more)
                let details = if parts.is_empty() {
                    "(no agent, date, place or participants)".to_owned()
                } else {
                    parts.join("; ")
                };
                format!("event         {name:?}: {details} {}", rule(ev))
            } else {
                format!(
                    "event         {name:?} again: {:?} {}",
                    one_line(ev.span.of(&x.article.text)),
                    rule(ev)
                )
            };
            lines.push(Line {
                at: ev.span.start,
                text,
            });
        }
    }
    for l in &x.facts.links {
        let relation = match l.kind {
            LinkKind::LocatedIn => "located in",
            LinkKind::Country => "country",
            LinkKind::AffiliatedWith => "affiliated with",
            LinkKind::BasedIn => "based in",
        };
        lines.push(Line {
            at: l.evidence.span.start,
            text: format!(
                "link          {} {relation} {} {}",
                label(l.from),
                label(l.to),
                rule(&l.evidence)
            ),
        });
    }
    lines.sort_by_key(|l| l.at);

    let mut out = String::new();
    let _ = writeln!(out, "# {} ({} sentences)", x.article.id, x.sentences.len());
    let mut next = 0;
    for (n, sentence) in x.sentences.iter().enumerate() {
        let end = if n + 1 < x.sentences.len() {
            x.sentences[n + 1].start
        } else {
            usize::MAX
        };
        let _ = writeln!(
            out,
            "\n[{}] {}",
            n + 1,
            one_line(Span::new(sentence.start, sentence.end).of(&x.article.text))
        );
        if let Some(words) = x.analysis.sentences.get(n) {
            let _ = writeln!(out, "    tree          {}", tree(x, words.clone()));
        }
        while next < lines.len() && lines[next].at < end {
            let _ = writeln!(out, "    {}", lines[next].text);
            next += 1;
        }
    }
    out
}

/// A sentence's analysis on one line: each word with its part of speech, name tag, and
/// relation to its head ("Olsen/PROPN[B-PER] nsubj→spoke").
fn tree(x: &Extraction, words: std::ops::Range<usize>) -> String {
    let a = &x.analysis;
    let text = |i: usize| a.words[i].span.of(&x.article.text);
    words
        .map(|i| {
            let name = a.name_tag(i);
            let name = if name == "O" {
                String::new()
            } else {
                format!("[{name}]")
            };
            let to = match a.words[i].head {
                Some(h) => format!("→{}", text(h)),
                None => String::new(),
            };
            format!("{}/{}{name} {}{to}", text(i), a.upos(i), a.deprel(i))
        })
        .collect::<Vec<_>>()
        .join("  ")
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Article, Date};

    #[test]
    fn says_when_a_named_event_has_no_more_than_its_name() {
        let x = crate::extract(&Article {
            id: "t".into(),
            text: "The World Cup was a success.".into(),
            ..Article::default()
        });
        let text = explain(&x);
        assert!(
            text.contains("\"World Cup\": (no agent, date, place or participants) [event:name"),
            "{text}"
        );
    }

    #[test]
    fn explains_each_sentence_with_its_rules() {
        let x = crate::extract(&Article {
            id: "t".into(),
            text: "Zintrex CEO Maria Olsen spoke on Monday.\n“Sales will rise,” she said.".into(),
            published: Date::parse("2021-03-15"),
            ..Article::default()
        });
        let text = explain(&x);
        assert!(
            text.contains("[1] Zintrex CEO Maria Olsen spoke on Monday."),
            "{text}"
        );
        assert!(
            text.contains("role          Maria Olsen — CEO at Zintrex [role:premodifier"),
            "{text}"
        );
        assert!(text.contains("Olsen/PROPN"), "{text}");
        assert!(text.contains(" root"), "{text}");
        let second = text.split("[2]").nth(1).unwrap();
        assert!(second.contains("statement     Maria Olsen (direct): \"Sales will rise\" [statement:quote-then-attribution"), "{text}");
    }
}
