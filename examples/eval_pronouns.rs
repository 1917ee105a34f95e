//! Scores who extraction takes "he", "she", "him", "his" and "her" to stand for, against
//! the coreference annotation of GUM dev (`../shared/training/ud-english-gum/`, the
//! `Entity=` of the MISC column) and of ECB+ (`../shared/training/ecbplus/`, news; only
//! the sentences `ECBplus_coreference_sentences.csv` lists are annotated).
//!
//! Each document's text is rebuilt, run through newsgraph's analysis and recognition, and
//! every pronoun the gold makes a person is judged: right when the mention extraction
//! picks lies in a mention of the pronoun's entity (outside ECB+'s annotated sentences: a
//! name with the same last word as an annotated one of it), or when it picks no one and no
//! person of that entity was named before. `--errors` prints the wrong ones.
//!
//! ECB+ annotates only the participants of its events, so many names and pronouns of one
//! person lie in different chains or none: its figure is a rough one (by eye, many of
//! its "wrong" picks are right). GUM's figure is exact but not news.
//!
//! ```text
//! cargo run --release --example eval_pronouns -- ../shared/training [--errors]
//! ```

#[path = "common/files.rs"]
mod files;
#[path = "common/xml.rs"]
mod xml;

use files::sorted_entries;
use newsgraph::segment::Document;
use regex::Regex;
use std::collections::HashMap;
use std::path::Path;
use xml::unescape_xml;

/// A mention of GUM's coreference annotation: its bytes, entity and type.
struct GoldMention {
    start: usize,
    end: usize,
    entity: String,
    kind: String,
}

/// One annotated document: its text and mentions.
struct GoldDoc {
    text: String,
    mentions: Vec<GoldMention>,
    /// The bytes of the sentences annotated, where not all are (ECB+).
    annotated: Option<Vec<(usize, usize)>>,
}

impl GoldDoc {
    /// Whether the annotation covers bytes `start..end`.
    fn covers(&self, start: usize, end: usize) -> bool {
        self.annotated
            .as_ref()
            .is_none_or(|a| a.iter().any(|&(s, e)| s <= start && end <= e))
    }
}

/// The ECB+ documents in `dir` (the `ecbplus` folder): the tokens joined by spaces, a
/// sentence a paragraph; a mention's entity is the instance
/// its coreference relation points to (its own id when it has none); only the sentences
/// `ECBplus_coreference_sentences.csv` lists are annotated.
fn read_ecb(dir: &Path) -> Result<Vec<GoldDoc>, String> {
    let read = |p: &Path| std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()));
    let mut annotated: HashMap<String, Vec<u32>> = HashMap::new();
    for line in read(&dir.join("ECBplus_coreference_sentences.csv"))?
        .lines()
        .skip(1)
    {
        let cols: Vec<&str> = line.trim().split(',').collect();
        if let [topic, file, sentence] = cols[..] {
            let n = sentence
                .parse()
                .map_err(|_| format!("bad sentence number in {line:?}"))?;
            annotated
                .entry(format!("{topic}_{file}"))
                .or_default()
                .push(n);
        }
    }
    let token = Regex::new(r#"<token t_id="(\d+)" sentence="(\d+)"[^>]*>([^<]*)</token>"#).unwrap();
    let markable =
        Regex::new(r#"<(\w+) m_id="(\d+)"[^>/]*>((?:\s*<token_anchor t_id="\d+"/>)+)\s*</\w+>"#)
            .unwrap();
    let anchor = Regex::new(r#"t_id="(\d+)""#).unwrap();
    let relation =
        Regex::new(r#"(?s)<(?:CROSS|INTRA)_DOC_COREF[^>]*>(.*?)</(?:CROSS|INTRA)_DOC_COREF>"#)
            .unwrap();
    let source = Regex::new(r#"<source m_id="(\d+)""#).unwrap();
    let target = Regex::new(r#"<target m_id="(\d+)""#).unwrap();
    let mut docs = Vec::new();
    for topic in sorted_entries(&dir.join("docs"))? {
        for path in sorted_entries(&topic)? {
            let xml = read(&path)?;
            let name = path.file_stem().and_then(|n| n.to_str()).unwrap_or("");
            let listed = annotated.get(name).cloned().unwrap_or_default();
            let mut text = String::new();
            let mut spans: HashMap<&str, (usize, usize)> = HashMap::new();
            let mut sentences: Vec<(u32, usize, usize)> = Vec::new();
            for c in token.captures_iter(&xml) {
                let sentence: u32 = c[2].parse().unwrap_or(0);
                let word = unescape_xml(&c[3]);
                if sentences.last().is_none_or(|s| s.0 != sentence) {
                    if !text.is_empty() {
                        text.push_str("\n\n");
                    }
                    sentences.push((sentence, text.len(), text.len()));
                } else {
                    text.push(' ');
                }
                let start = text.len();
                text.push_str(&word);
                spans.insert(c.get(1).map_or("", |m| m.as_str()), (start, text.len()));
                if let Some(last) = sentences.last_mut() {
                    last.2 = text.len();
                }
            }
            let mut entity_of: HashMap<String, String> = HashMap::new();
            for r in relation.captures_iter(&xml) {
                let Some(t) = target.captures(&r[1]) else {
                    continue;
                };
                for s in source.captures_iter(&r[1]) {
                    entity_of.insert(s[1].to_string(), t[1].to_string());
                }
            }
            let mut mentions = Vec::new();
            for m in markable.captures_iter(&xml) {
                let words: Vec<(usize, usize)> = anchor
                    .captures_iter(&m[3])
                    .filter_map(|a| spans.get(&a[1]).copied())
                    .collect();
                let (Some(first), Some(last)) = (words.first(), words.last()) else {
                    continue;
                };
                let kind = if &m[1] == "HUMAN_PART_PER" {
                    "person"
                } else {
                    "other"
                };
                mentions.push(GoldMention {
                    start: first.0,
                    end: last.1,
                    entity: entity_of
                        .get(&m[2])
                        .cloned()
                        .unwrap_or_else(|| format!("m{}", &m[2])),
                    kind: kind.to_string(),
                });
            }
            let covered = sentences
                .iter()
                .filter(|(n, _, _)| listed.contains(n))
                .map(|&(_, s, e)| (s, e))
                .collect();
            docs.push(GoldDoc {
                text,
                mentions,
                annotated: Some(covered),
            });
        }
    }
    Ok(docs)
}

/// The documents of a CoNLL-U file with GUM's entity annotation.
fn read_gum(path: &str) -> Result<Vec<GoldDoc>, String> {
    let source = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let mut docs: Vec<GoldDoc> = Vec::new();
    let mut new_par = false;
    // Open mentions: entity id, type, start byte.
    let mut open: Vec<(String, String, usize)> = Vec::new();
    let mut cursor = 0; // byte offset in the document where the sentence's search goes on
    let mut range_end_id = 0usize; // last word id covered by a multiword token
    let mut range_span = (0, 0);
    for (n, line) in source.lines().enumerate() {
        if line.starts_with("# newdoc id") {
            docs.push(GoldDoc {
                text: String::new(),
                mentions: Vec::new(),
                annotated: None,
            });
            open.clear();
            continue;
        }
        let Some(doc) = docs.last_mut() else { continue };
        if line == "# newpar" || line.starts_with("# newpar ") {
            new_par = true;
        } else if let Some(text) = line.strip_prefix("# text = ") {
            if !doc.text.is_empty() {
                doc.text.push_str(if new_par { "\n\n" } else { " " });
            }
            new_par = false;
            cursor = doc.text.len();
            doc.text.push_str(text);
        } else if !line.is_empty() && !line.starts_with('#') {
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() != 10 {
                return Err(format!("{path}:{}: expected 10 columns", n + 1));
            }
            let find = |form: &str, cursor: usize| -> Result<(usize, usize), String> {
                let at = doc.text[cursor..]
                    .find(form)
                    .ok_or_else(|| format!("{path}:{}: {form:?} not in the text", n + 1))?;
                Ok((cursor + at, cursor + at + form.len()))
            };
            if let Some((_, last)) = cols[0].split_once('-') {
                range_end_id = last.parse().unwrap_or(0);
                range_span = find(cols[1], cursor)?;
                cursor = range_span.1;
                continue;
            }
            if cols[0].contains('.') {
                continue;
            }
            let id: usize = cols[0].parse().unwrap_or(0);
            let (start, end) = if id <= range_end_id {
                range_span
            } else {
                let span = find(cols[1], cursor)?;
                cursor = span.1;
                span
            };
            let Some(entity) = cols[9].split('|').find_map(|f| f.strip_prefix("Entity=")) else {
                continue;
            };
            let mut rest = entity;
            while !rest.is_empty() {
                if let Some(after) = rest.strip_prefix('(') {
                    let stop = after.find(['(', ')']).unwrap_or(after.len());
                    let mut fields = after[..stop].split('-');
                    let id = fields.next().unwrap_or("").to_string();
                    let kind = fields.next().unwrap_or("").to_string();
                    rest = &after[stop..];
                    if let Some(after) = rest.strip_prefix(')') {
                        doc.mentions.push(GoldMention {
                            start,
                            end,
                            entity: id,
                            kind,
                        });
                        rest = after;
                    } else {
                        open.push((id, kind, start));
                    }
                } else {
                    let stop = rest.find(')').unwrap_or(rest.len());
                    let id = &rest[..stop];
                    if let Some(k) = open.iter().rposition(|(o, _, _)| o == id) {
                        let (entity, kind, begin) = open.remove(k);
                        doc.mentions.push(GoldMention {
                            start: begin,
                            end,
                            entity,
                            kind,
                        });
                    }
                    rest = rest.get(stop + 1..).unwrap_or("");
                }
            }
        } else if line.is_empty() {
            range_end_id = 0;
        }
    }
    Ok(docs)
}

impl GoldDoc {
    /// The entity of the smallest mention holding bytes `start..end`, with its type.
    fn entity_at(&self, start: usize, end: usize) -> Option<(&str, &str)> {
        self.mentions
            .iter()
            .filter(|m| m.start <= start && end <= m.end)
            .min_by_key(|m| m.end - m.start)
            .map(|m| (m.entity.as_str(), m.kind.as_str()))
    }
}

/// A pronoun extraction resolved wrong: the sentence, the pronoun, its pick, the gold.
struct Wrong {
    sentence: String,
    pronoun: String,
    picked: String,
    gold: String,
}

/// How extraction does on one document.
#[derive(Default)]
struct Score {
    pronouns: usize,
    right: usize,
    answered: usize,
    right_answered: usize,
    wrong: Vec<Wrong>,
}

fn score_doc(gold: &GoldDoc) -> Score {
    let doc = Document::new(&gold.text);
    let (analysis, rec) = newsgraph::pipeline::analyze_and_recognize(&doc, None);
    let last_token = |m: usize| &doc.tokens[rec.mentions[m].tokens.end - 1];
    let mut entities: Vec<Option<&str>> = (0..rec.mentions.len())
        .map(|m| {
            let t = last_token(m);
            gold.entity_at(t.start, t.end).map(|(e, _)| e)
        })
        .collect();
    // A name outside a partial annotation is the person of an annotated name with the
    // same last word.
    let surname = |m: usize| rec.mentions[m].name.rsplit(' ').next().unwrap_or("");
    for m in 0..rec.mentions.len() {
        let t = last_token(m);
        if !gold.covers(t.start, t.end) {
            entities[m] = (0..rec.mentions.len())
                .filter(|&o| {
                    let t = last_token(o);
                    gold.covers(t.start, t.end) && surname(o) == surname(m)
                })
                .find_map(|o| entities[o]);
        }
    }
    let mut score = Score::default();
    for (token, picked) in newsgraph::relate::pronoun_antecedents(&doc, &analysis, &rec) {
        let t = &doc.tokens[token];
        let Some(entity) = gold
            .entity_at(t.start, t.end)
            .filter(|&(_, kind)| kind == "person")
            .map(|(e, _)| e)
        else {
            continue;
        };
        let named_before: Vec<usize> = (0..rec.mentions.len())
            .filter(|&m| rec.mentions[m].tokens.end <= token && entities[m] == Some(entity))
            .collect();
        let right = match picked {
            Some(m) => entities[m] == Some(entity),
            None => named_before.is_empty(),
        };
        score.pronouns += 1;
        score.right += usize::from(right);
        score.answered += usize::from(picked.is_some());
        score.right_answered += usize::from(right && picked.is_some());
        if !right {
            let sentence = &doc.sentences[doc.sentence_of(token)];
            let first = &doc.tokens[sentence.tokens.start];
            let last = &doc.tokens[sentence.tokens.end - 1];
            score.wrong.push(Wrong {
                sentence: gold.text[first.start..last.end].replace('\n', " "),
                pronoun: gold.text[t.start..t.end].to_string(),
                picked: picked.map_or("no one".into(), |m| rec.mentions[m].name.clone()),
                gold: named_before
                    .last()
                    .map_or("no one named".into(), |&m| rec.mentions[m].name.clone()),
            });
        }
    }
    score
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let errors = args.iter().any(|a| a == "--errors");
    let Some(dir) = args.iter().skip(1).find(|a| !a.starts_with("--")) else {
        eprintln!(
            "usage: eval_pronouns TRAINING_DIR [--errors]   (TRAINING_DIR: ../shared/training)"
        );
        std::process::exit(2);
    };
    let dir = Path::new(dir);
    let fail = |e: String| -> ! {
        eprintln!("error: {e}");
        std::process::exit(1)
    };
    let gum = dir.join("ud-english-gum/en_gum-ud-dev.conllu");
    let sets = [
        (
            "GUM dev",
            read_gum(&gum.to_string_lossy()).unwrap_or_else(|e| fail(e)),
        ),
        (
            "ECB+",
            read_ecb(&dir.join("ecbplus")).unwrap_or_else(|e| fail(e)),
        ),
    ];
    for (name, docs) in &sets {
        let mut total = Score::default();
        for doc in docs {
            let score = score_doc(doc);
            total.pronouns += score.pronouns;
            total.right += score.right;
            total.answered += score.answered;
            total.right_answered += score.right_answered;
            total.wrong.extend(score.wrong);
        }
        if errors {
            for w in &total.wrong {
                println!(
                    "{name}\t{}\tpicked {}\tgold {}\t{}",
                    w.pronoun, w.picked, w.gold, w.sentence
                );
            }
        }
        println!(
            "{name}: {} pronouns of persons, {} right ({:.3}); {} answered, {:.3} of them right",
            total.pronouns,
            total.right,
            total.right as f64 / total.pronouns.max(1) as f64,
            total.answered,
            total.right_answered as f64 / total.answered.max(1) as f64
        );
    }
}
