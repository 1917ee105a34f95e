//! The analysis stage with the shipped models: trees of English constructions on
//! sentences of our own, the `analyze` command's CoNLL-U read back by an independent
//! reader, determinism, and input that tries to break it.

mod common;

use common::{newsgraph, newsgraph_ok, python};
use newsgraph::analyze::conllu::read_conllu;
use newsgraph::analyze::train::score::compare_conllu;
use newsgraph::analyze::{Analysis, analyze, models};
use newsgraph::segment::Document;
use std::io::Write;

/// The analysis of a text, with a helper to find a word's relation and head.
struct Parsed<'a> {
    text: &'a str,
    analysis: Analysis<'static>,
}

impl Parsed<'_> {
    fn index(&self, word: &str) -> usize {
        (0..self.analysis.words.len())
            .find(|&i| self.analysis.words[i].span.of(self.text) == word)
            .unwrap_or_else(|| panic!("no word {word:?} in {:?}", self.text))
    }

    /// `(relation, head word)` of `word` ("root" has no head word).
    fn arc(&self, word: &str) -> (String, String) {
        let i = self.index(word);
        let head = self.analysis.words[i].head.map_or(String::new(), |h| {
            self.analysis.words[h].span.of(self.text).to_owned()
        });
        (self.analysis.deprel(i).to_owned(), head)
    }

    fn upos(&self, word: &str) -> String {
        self.analysis.upos(self.index(word)).to_owned()
    }
}

fn parse(text: &str) -> Parsed<'_> {
    let doc = Document::new(text);
    Parsed {
        text,
        analysis: analyze(&doc, models()),
    }
}

/// `(word, relation, head word)` of a sentence.
type Arc = (&'static str, &'static str, &'static str);

fn arc(rel: &str, head: &str) -> (String, String) {
    (rel.to_owned(), head.to_owned())
}

#[test]
fn reads_the_constructions_facts_are_made_of() {
    let table: &[(&str, &[Arc])] = &[
        // a subject and an object
        (
            "The regulator fined the bank on Tuesday.",
            &[
                ("regulator", "nsubj", "fined"),
                ("fined", "root", ""),
                ("bank", "obj", "fined"),
            ],
        ),
        // a passive with its agent
        (
            "The factory was closed by the council.",
            &[
                ("factory", "nsubj:pass", "closed"),
                ("council", "obl:agent", "closed"),
                ("was", "aux:pass", "closed"),
            ],
        ),
        // a clausal complement of a speech verb
        (
            "Olsen said that the company would appeal.",
            &[
                ("Olsen", "nsubj", "said"),
                ("appeal", "ccomp", "said"),
                ("company", "nsubj", "appeal"),
            ],
        ),
        // an apposition with a title
        (
            "Nina Olsen, the chief executive, resigned.",
            &[
                ("executive", "appos", "Nina"),
                ("Nina", "nsubj", "resigned"),
            ],
        ),
        // a possessive
        (
            "The company's chairman left.",
            &[
                ("company", "nmod:poss", "chairman"),
                ("'s", "case", "company"),
                ("chairman", "nsubj", "left"),
            ],
        ),
        // coordination
        (
            "Olsen and Reyes signed the deal.",
            &[
                ("Reyes", "conj", "Olsen"),
                ("and", "cc", "Reyes"),
                ("Olsen", "nsubj", "signed"),
            ],
        ),
        // an infinitive complement keeps its subject's verb
        (
            "The bank agreed to refund the fees.",
            &[
                ("refund", "xcomp", "agreed"),
                ("to", "mark", "refund"),
                ("fees", "obj", "refund"),
            ],
        ),
    ];
    for (text, arcs) in table {
        let p = parse(text);
        for (word, rel, head) in *arcs {
            assert_eq!(p.arc(word), arc(rel, head), "{word} in {text:?}");
        }
    }
}

#[test]
fn tags_lemmas_and_names() {
    let p = parse("Nina Olsen, who runs Vardby Bank in Oslo, didn't sign the deals.");
    assert_eq!(p.upos("runs"), "VERB");
    assert_eq!(p.upos("Oslo"), "PROPN");
    let lemma = |w: &str| p.analysis.words[p.index(w)].lemma.clone();
    assert_eq!(lemma("runs"), "run");
    assert_eq!(lemma("deals"), "deal");
    assert_eq!(lemma("did"), "do");
    assert_eq!(lemma("n't"), "not");
    let tag = |w: &str| p.analysis.name_tag(p.index(w)).to_owned();
    assert_eq!(
        (tag("Nina"), tag("Olsen")),
        ("B-PER".into(), "I-PER".into())
    );
    assert_eq!(tag("Oslo"), "B-LOC");
    assert_eq!(tag("deals"), "O");
    // Words never seen: one who meets is a person. (Extraction keeps such a name
    // only when the recognizer is sure of it.)
    let p = parse("Yesterday Zorblat met Quenx.");
    assert_eq!(p.analysis.name_tag(p.index("Zorblat")), "B-PER");
    // A capitalized word is lemmatized as its lower-case form ("The" → "the"), and a
    // stem the dictionary lacks takes its silent e ("telephoned" → "telephone").
    let p = parse("The bank telephoned Nina Olsen.");
    let lemma = |w: &str| p.analysis.words[p.index(w)].lemma.clone();
    assert_eq!(lemma("The"), "the");
    assert_eq!(lemma("telephoned"), "telephone");
}

#[test]
fn every_sentence_is_one_tree() {
    let text = "Prices rose. The minister, who had warned of cuts, said nothing; \
                officials declined to comment on Monday.\n\nA second paragraph follows here.";
    let p = parse(text);
    for range in &p.analysis.sentences {
        let roots = range
            .clone()
            .filter(|&i| p.analysis.words[i].head.is_none())
            .count();
        assert_eq!(roots, 1, "one root in {range:?}");
        for i in range.clone() {
            // Heads stay inside the sentence, and following them always reaches the root.
            let mut at = i;
            for _ in 0..range.len() {
                match p.analysis.words[at].head {
                    Some(h) => {
                        assert!(range.contains(&h));
                        at = h;
                    }
                    None => break,
                }
            }
            assert!(
                p.analysis.words[at].head.is_none(),
                "no cycle through word {i}"
            );
        }
    }
}

#[test]
fn odd_input_gives_sane_output() {
    let long: String = (0..20_000).map(|k| format!("word{} ", k % 97)).collect();
    let cases = [
        long.as_str(),
        "1234567890 2345678901 3456789012 4567890123",
        "😀 🎉🎉 ✨ 👍🏽",
        "قال الوزير إن الشركة ستستأنف",
        "שלום עולם",
        "x",
        ".",
        "",
        "\n\n\n",
    ];
    for text in cases {
        let p = parse(text);
        let words = &p.analysis.words;
        for w in words {
            assert!(w.span.start < w.span.end && w.span.end <= text.len());
            assert!(text.is_char_boundary(w.span.start) && text.is_char_boundary(w.span.end));
        }
        for range in &p.analysis.sentences {
            let roots = range.clone().filter(|&i| words[i].head.is_none()).count();
            assert!(range.is_empty() || roots == 1, "{text:.20}");
        }
    }
    let p = parse(&long);
    assert_eq!(p.analysis.words.len(), 20_000);
}

#[test]
fn conllu_output_reads_back_with_an_independent_reader() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("a.txt");
    std::fs::write(
        &article,
        "“Sales will rise,” said Nina Olsen 😀 of Vardby Bank.\nShe left.",
    )
    .unwrap();
    let out = newsgraph_ok(&["analyze", article.to_str().unwrap()]);
    let conllu = String::from_utf8(out.stdout).unwrap();
    assert!(conllu.contains("# sent_id = a-1"), "{conllu}");
    assert!(conllu.contains("TokenRange=0:1"), "{conllu}");
    assert!(conllu.contains("NER=B-PER"), "{conllu}");
    let file = dir.path().join("a.conllu");
    std::fs::write(&file, &conllu).unwrap();
    // The conllu package parses it; its TokenRange offsets (code points) point at the word.
    let script = r#"
import sys, conllu
text = open(sys.argv[2], encoding="utf8").read()
n = 0
for sentence in conllu.parse(open(sys.argv[1], encoding="utf8").read()):
    assert "sent_id" in sentence.metadata and "text" in sentence.metadata
    roots = [t for t in sentence if t["head"] == 0]
    assert len(roots) == 1, sentence.metadata
    for t in sentence:
        start, end = map(int, t["misc"]["TokenRange"].split(":"))
        assert text[start:end] == t["form"], (text[start:end], t["form"])
        n += 1
print(n)
"#;
    let out = python()
        .args([
            "-c",
            script,
            file.to_str().unwrap(),
            article.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let words: usize = String::from_utf8(out.stdout)
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    assert!(words >= 15, "{words}");
}

#[test]
fn analysis_is_the_same_bytes_every_time() {
    let example = common::example();
    let first = newsgraph_ok(&["analyze", example.to_str().unwrap()]).stdout;
    let second = newsgraph_ok(&["analyze", example.to_str().unwrap(), "--format", "json"]).stdout;
    assert_eq!(
        first,
        newsgraph_ok(&["analyze", example.to_str().unwrap()]).stdout
    );
    assert_eq!(
        second,
        newsgraph_ok(&["analyze", example.to_str().unwrap(), "--format", "json"]).stdout
    );
    let json: serde_json::Value =
        serde_json::from_slice(second.split(|&b| b == b'\n').next().unwrap()).unwrap();
    assert_eq!(json["id"], "wic2020");
    assert!(json["sentences"][0]["words"][0]["deprel"].is_string());
}

#[test]
fn gold_tokens_keep_their_words_and_get_newsgraphs_analysis() {
    let gold = "# sent_id = t-1\n# text = The council closed the plant.\n\
        1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n\
        2\tcouncil\tcouncil\tNOUN\tNN\t_\t3\tnsubj\t_\t_\n\
        3\tclosed\tclose\tVERB\tVBD\t_\t0\troot\t_\t_\n\
        4\tthe\tthe\tDET\tDT\t_\t5\tdet\t_\t_\n\
        5\tplant\tplant\tNOUN\tNN\t_\t3\tobj\t_\tSpaceAfter=No\n\
        6\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n";
    // The same words with every column blanked: what comes back is newsgraph's own.
    let blank: String = gold
        .lines()
        .map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            if c.len() == 10 {
                format!("{}\t{}\t_\t_\t_\t_\t_\t_\t_\t{}\n", c[0], c[1], c[9])
            } else {
                format!("{l}\n")
            }
        })
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.conllu");
    std::fs::write(&input, blank).unwrap();
    let out = newsgraph_ok(&[
        "analyze",
        "--input-format",
        "conllu",
        input.to_str().unwrap(),
    ]);
    let system = read_conllu(out.stdout.as_slice()).unwrap();
    assert_eq!(system[0].comment("sent_id"), Some("t-1"));
    assert_eq!(system[0].words[4].misc_value("SpaceAfter"), Some("No"));
    let gold = read_conllu(gold.as_bytes()).unwrap();
    let scores = compare_conllu(&gold, &system).unwrap();
    assert_eq!(scores.words, 6);
    assert_eq!((scores.upos, scores.uas), (1.0, 1.0), "{system:?}");
}

#[test]
fn a_broken_conllu_file_is_reported_with_its_line_and_the_others_still_run() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.conllu");
    let good = dir.path().join("good.conllu");
    std::fs::write(
        &bad,
        "1\tA\t_\t_\t_\t_\t_\t_\t_\t_\n5\tB\t_\t_\t_\t_\t_\t_\t_\t_\n",
    )
    .unwrap();
    let mut f = std::fs::File::create(&good).unwrap();
    writeln!(f, "1\tHello\t_\t_\t_\t_\t_\t_\t_\t_\n").unwrap();
    let out = newsgraph(&[
        "analyze",
        "--input-format",
        "conllu",
        bad.to_str().unwrap(),
        good.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("bad.conllu") && stderr.contains("line 2"),
        "{stderr}"
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("Hello"));
}

#[test]
fn the_trainer_learns_a_handful_of_sentences_and_its_models_load() {
    use newsgraph::analyze::Models;
    use newsgraph::analyze::parser::NetworkTraining;
    use newsgraph::analyze::train::{Corpora, NamedSentence, Options, train_models};
    // (words, UPOS, XPOS, heads (0 = root), relations, name tags)
    let rows: &[(&str, &str, &str, &str, &str, &str)] = &[
        (
            "Olsen left Vardby .",
            "PROPN VERB PROPN PUNCT",
            "NNP VBD NNP .",
            "2 0 2 2",
            "nsubj root obj punct",
            "B-PER O B-LOC O",
        ),
        (
            "Reyes saw Oslo .",
            "PROPN VERB PROPN PUNCT",
            "NNP VBD NNP .",
            "2 0 2 2",
            "nsubj root obj punct",
            "B-PER O B-LOC O",
        ),
        (
            "The bank fined Lind .",
            "DET NOUN VERB PROPN PUNCT",
            "DT NN VBD NNP .",
            "2 3 0 3 3",
            "det nsubj root obj punct",
            "O O O B-PER O",
        ),
        (
            "The firm left .",
            "DET NOUN VERB PUNCT",
            "DT NN VBD .",
            "2 3 0 3",
            "det nsubj root punct",
            "O O O O",
        ),
    ];
    let sentence = |(words, upos, xpos, heads, rels, _): &(&str, &str, &str, &str, &str, &str)| {
        let text: String = words
            .split(' ')
            .zip(upos.split(' '))
            .zip(xpos.split(' '))
            .zip(heads.split(' '))
            .zip(rels.split(' '))
            .enumerate()
            .map(|(k, ((((w, u), x), h), r))| {
                format!(
                    "{}\t{w}\t{}\t{u}\t{x}\t_\t{h}\t{r}\t_\t_\n",
                    k + 1,
                    w.to_lowercase()
                )
            })
            .collect();
        read_conllu(format!("{text}\n").as_bytes())
            .unwrap()
            .remove(0)
    };
    let treebank: Vec<_> = rows.iter().cycle().take(24).map(sentence).collect();
    let names: Vec<NamedSentence> = rows
        .iter()
        .cycle()
        .take(24)
        .map(|r| NamedSentence {
            words: r.0.split(' ').map(str::to_owned).collect(),
            tags: r.5.split(' ').map(str::to_owned).collect(),
            syntax_index: None,
        })
        .collect();
    let corpora = Corpora {
        syntax_train: treebank.clone(),
        syntax_dev: treebank[..4].to_vec(),
        names_train: names.clone(),
        names_dev: vec![("dev".to_owned(), names[..4].to_vec())],
        plain: treebank
            .iter()
            .map(|s| s.words.iter().map(|w| w.form.to_lowercase()).collect())
            .collect(),
    };
    let options = Options {
        folds: 2,
        clusters: [2, 3, 4],
        parser: NetworkTraining {
            epochs: 30,
            hidden: 16,
            embed: [8, 4, 4, 4, 4],
            batch: 2,
            rate: 0.01,
            ..NetworkTraining::default()
        },
        ..Options::default()
    };
    let mut log = Vec::new();
    let trained = train_models(&corpora, &options, &mut |line| log.push(line));
    assert!(
        log.iter().any(|l| l.starts_with("parser: dev UAS")),
        "{log:?}"
    );
    // The files it writes are what `analyze --models` reads.
    let dir = tempfile::tempdir().unwrap();
    let header = || vec!["test model".to_owned()];
    for (name, file) in [
        ("clusters.ngm", trained.clusters.to_file(header())),
        ("tagger.ngm", trained.tagger.to_file(header())),
        ("lemmatizer.ngm", trained.lemmatizer.to_file(header())),
        ("parser.ngm", trained.parser.to_file(header())),
        ("ner.ngm", trained.recognizer.to_file(header())),
    ] {
        std::fs::write(dir.path().join(name), file.to_bytes()).unwrap();
    }
    let models = Models::from_dir(dir.path()).unwrap();
    let parsed = models.analyze_words(&["Olsen", "left", "Vardby", "."]);
    let upos: Vec<&str> = parsed.tags.iter().map(|&t| models.upos(t)).collect();
    assert_eq!(upos, ["PROPN", "VERB", "PROPN", "PUNCT"]);
    assert_eq!(parsed.heads, [Some(1), None, Some(1), Some(1)]);
    assert_eq!(models.deprel(parsed.labels[0]), "nsubj");
    assert_eq!(parsed.lemmas[1], "left");
    assert_eq!(models.name_tag(parsed.names[0]), "B-PER");
    // A damaged file is an error naming it, not a wrong analysis.
    std::fs::write(dir.path().join("parser.ngm"), b"# cut\n\nNGM1").unwrap();
    let err = Models::from_dir(dir.path()).unwrap_err().to_string();
    assert!(err.contains("parser.ngm"), "{err}");
}
