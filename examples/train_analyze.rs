//! Trains newsgraph's analysis models — tagger, lemmatizer, parser, name recognizer —
//! from the open treebanks and writes them to `models/`.
//!
//! Usage: cargo run --release --example train_analyze -- --training ../shared/training --out models
//!
//! Reads UD English EWT (train to learn, dev to tune), UD English GUM (train to learn,
//! dev to tune names) and Universal NER's English EWT dev file (names to learn). The
//! test files are never read. The same files and options give the same bytes.

#[path = "common/files.rs"]
mod files;
#[path = "common/xml.rs"]
mod xml;

use clap::Parser as _;
use files::sorted_entries;
use newsgraph::analyze::Models;
use newsgraph::analyze::conllu::{ConlluSentence, read_conllu};
use newsgraph::analyze::parser::NetworkTraining;
use newsgraph::analyze::train::names::{gum_name_tags, mark_unannotated, read_iob2};
use newsgraph::analyze::train::{Corpora, NamedSentence, Options, train_models, train_names};
use std::collections::HashMap;
use std::fs;
use std::io::BufReader;
use std::path::{Path, PathBuf};
use std::time::Instant;
use xml::unescape_xml;

/// Train the analysis models.
#[derive(Debug, clap::Parser)]
struct Args {
    /// The folder of the training data (`../shared/training`).
    #[arg(long, default_value = "../shared/training")]
    training: PathBuf,
    /// Where to write the model files.
    #[arg(long, default_value = "models")]
    out: PathBuf,
    /// Score the dev data after every epoch.
    #[arg(long)]
    report_epochs: bool,
    /// Leave GUM out of the syntax training data.
    #[arg(long)]
    no_gum: bool,
    /// Leave Universal NER's dev file out of the names training data (to measure on it).
    #[arg(long)]
    no_uner: bool,
    /// PolNeAR's evaluation articles, left out of the plain text word classes learn from.
    #[arg(long, default_value = "../shared/eval/polnear/corpus")]
    polnear_eval: PathBuf,
    /// Learn names from none of GUM's sentences (an experiment).
    #[arg(long)]
    no_gum_names: bool,
    /// CoNLL04 as newsgraph's evaluation publishes it: its train split's articles, with
    /// the names of their gold answers tagged, are news to learn names from (its dev
    /// split is never read).
    #[arg(long)]
    conll04: Option<PathBuf>,
    /// Leave ECB+'s news sentences out of the names training data.
    #[arg(long)]
    no_ecb: bool,
    /// More sentences with name tags to learn from (IOB2 files, as Universal NER's).
    #[arg(long)]
    extra_names: Vec<PathBuf>,
    /// News sentences with the names newsgraph's rules type, the names replaced by
    /// invented words (IOB2, written by `examples/silver_names.rs`).
    #[arg(long)]
    silver_names: Option<PathBuf>,
    /// Learn names from half of Universal NER's dev documents and measure on the other
    /// half (to tune with in-domain data without touching the test file).
    #[arg(long)]
    uner_half: bool,
    /// Train the name recognizer alone, over the word classes and tagger of the models
    /// in this folder (tags from that tagger, no jackknifing: a quick way to try
    /// recognizer changes; the shipped model comes from a full run). Writes `ner.ngm`
    /// only.
    #[arg(long)]
    names_only: Option<PathBuf>,
    /// Write the sentences the recognizer learns from to this file (IOB2, as Universal
    /// NER's), to read what each source teaches it.
    #[arg(long)]
    dump_names: Option<PathBuf>,
    /// The seed of every shuffle (to see how much a figure moves by chance).
    #[arg(long, default_value_t = Options::default().seed)]
    seed: u64,
    /// How many times the recognizer reads each Universal NER sentence (web text like
    /// the test file, against news and GUM's genres in the rest).
    #[arg(long, default_value_t = 1)]
    uner_copies: usize,
    /// Read ECB+'s untagged capitalized words as no names (they are unknown by default:
    /// ECB+ tags only its events' participants).
    #[arg(long)]
    ecb_all_tagged: bool,
    /// Tagger epochs.
    #[arg(long, default_value_t = Options::default().tagger_epochs)]
    tagger_epochs: usize,
    /// Parser epochs.
    #[arg(long, default_value_t = NetworkTraining::default().epochs)]
    parser_epochs: usize,
    /// Name recognizer epochs.
    #[arg(long, default_value_t = Options::default().ner_epochs)]
    ner_epochs: usize,
    /// Jackknife folds for the tags the parser and recognizer learn from.
    #[arg(long, default_value_t = Options::default().folds)]
    folds: usize,
    /// Averaged weights smaller than this are dropped.
    #[arg(long, default_value_t = Options::default().min_weight)]
    min_weight: f64,
    /// Parse from gold tags (an experiment: what tagging errors cost the parser).
    #[arg(long)]
    gold_tags: bool,
    /// The network's hidden units.
    #[arg(long, default_value_t = NetworkTraining::default().hidden)]
    hidden: usize,
    /// The network's sentences per update.
    #[arg(long, default_value_t = NetworkTraining::default().batch)]
    batch: usize,
    /// The network's learning rate.
    #[arg(long, default_value_t = NetworkTraining::default().rate)]
    rate: f32,
    /// The network's dropout on its hidden layer.
    #[arg(long, default_value_t = NetworkTraining::default().dropout)]
    dropout: f32,
}

fn read(path: &Path) -> Result<Vec<ConlluSentence>, String> {
    let file = fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
    read_conllu(BufReader::new(file)).map_err(|e| format!("{}: {e}", path.display()))
}

fn main() -> Result<(), String> {
    let args = Args::parse();
    let started = Instant::now();
    let log = |line: String| eprintln!("[{:>6.1}s] {line}", started.elapsed().as_secs_f64());
    let ewt = args.training.join("ud-english-ewt");
    let gum = args.training.join("ud-english-gum");
    let ewt_train = read(&ewt.join("en_ewt-ud-train.conllu"))?;
    let ewt_dev = read(&ewt.join("en_ewt-ud-dev.conllu"))?;
    let gum_train = read(&gum.join("en_gum-ud-train.conllu"))?;
    let gum_dev = read(&gum.join("en_gum-ud-dev.conllu"))?;
    let uner_path = args.training.join("uner-english-ewt/en_ewt-ud-dev.iob2");
    let uner =
        fs::read_to_string(&uner_path).map_err(|e| format!("{}: {e}", uner_path.display()))?;
    let uner = read_iob2(&uner).map_err(|e| format!("{}: {e}", uner_path.display()))?;

    let mut corpora = Corpora {
        syntax_train: ewt_train.clone(),
        syntax_dev: ewt_dev.clone(),
        ..Corpora::default()
    };
    let gum_offset = corpora.syntax_train.len();
    if !args.no_gum {
        corpora.syntax_train.extend(gum_train.iter().cloned());
    }
    let named = |s: &ConlluSentence, index: Option<usize>| NamedSentence {
        words: s.words.iter().map(|w| w.form.clone()).collect(),
        tags: gum_name_tags(s),
        syntax_index: index,
    };
    corpora.names_train = gum_train
        .iter()
        .enumerate()
        .map(|(k, s)| named(s, (!args.no_gum).then_some(gum_offset + k)))
        .collect();
    corpora.names_dev = vec![(
        "GUM dev".to_owned(),
        gum_dev.iter().map(|s| named(s, None)).collect(),
    )];
    // Universal NER's dev sentences are EWT dev sentences: their words come from there.
    let dev_words: HashMap<&str, &ConlluSentence> = ewt_dev
        .iter()
        .filter_map(|s| Some((s.comment("sent_id")?, s)))
        .collect();
    // Each with its document: the id up to the sentence number.
    let uner_named: Vec<(String, NamedSentence)> = uner
        .iter()
        .filter_map(|u| {
            let s = dev_words.get(u.id.as_str())?;
            let document = u.id.rsplit_once('-').map_or(u.id.as_str(), |(d, _)| d);
            (s.words.len() == u.tags.len()).then(|| {
                let named = NamedSentence {
                    words: s.words.iter().map(|w| w.form.clone()).collect(),
                    tags: u.tags.clone(),
                    syntax_index: None,
                };
                (document.to_owned(), named)
            })
        })
        .collect();
    if args.no_uner {
        let all = uner_named.into_iter().map(|(_, n)| n).collect();
        corpora.names_dev.push(("UNER dev".to_owned(), all));
    } else if args.uner_half {
        // Whole documents go to one half: a name repeats within a document.
        let mut documents: Vec<&str> = uner_named.iter().map(|(d, _)| d.as_str()).collect();
        documents.dedup();
        let held: std::collections::HashSet<String> = documents
            .iter()
            .skip(1)
            .step_by(2)
            .map(|d| (*d).to_owned())
            .collect();
        let (dev, train): (Vec<_>, Vec<_>) =
            uner_named.into_iter().partition(|(d, _)| held.contains(d));
        for _ in 0..args.uner_copies {
            corpora
                .names_train
                .extend(train.iter().map(|(_, n)| n.clone()));
        }
        let dev = dev.into_iter().map(|(_, n)| n).collect();
        corpora.names_dev.push(("UNER dev half".to_owned(), dev));
    } else {
        for _ in 0..args.uner_copies {
            corpora
                .names_train
                .extend(uner_named.iter().map(|(_, n)| n.clone()));
        }
    }

    if args.no_gum_names {
        corpora.names_train.retain(|s| s.syntax_index.is_none());
    }
    if let Some(dir) = &args.conll04 {
        let named = conll04_names(dir)?;
        log(format!(
            "CoNLL04 train split: {} sentences with names",
            named.len()
        ));
        corpora.names_train.extend(named);
    }
    if !args.no_ecb {
        let mut named = ecb_names(&args.training.join("ecbplus"))?;
        if !args.ecb_all_tagged {
            for s in &mut named {
                mark_unannotated(&s.words, &mut s.tags);
            }
        }
        log(format!("ECB+: {} sentences with names", named.len()));
        corpora.names_train.extend(named);
    }
    for path in args.extra_names.iter().chain(&args.silver_names) {
        let text = fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let sentences = read_iob2(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        corpora
            .names_train
            .extend(sentences.into_iter().map(|s| NamedSentence {
                words: s.words,
                tags: s.tags,
                syntax_index: None,
            }));
    }

    corpora.plain = plain_text(&args, &[&ewt_train, &gum_train])?;
    log(format!("plain text: {} sentences", corpora.plain.len()));

    let options = Options {
        tagger_epochs: args.tagger_epochs,
        ner_epochs: args.ner_epochs,
        folds: args.folds,
        min_weight: args.min_weight,
        report_epochs: args.report_epochs,
        gold_tags: args.gold_tags,
        seed: args.seed,
        parser: NetworkTraining {
            epochs: args.parser_epochs,
            hidden: args.hidden,
            batch: args.batch,
            rate: args.rate,
            dropout: args.dropout,
            ..NetworkTraining::default()
        },
        ..Options::default()
    };
    let mut log = log;
    if let Some(path) = &args.dump_names {
        let mut text = String::new();
        for (k, s) in corpora.names_train.iter().enumerate() {
            text += &format!("# sent_id = names-train-{}\n", k + 1);
            for (i, (w, t)) in s.words.iter().zip(&s.tags).enumerate() {
                text += &format!("{}\t{w}\t{t}\t-\t-\n", i + 1);
            }
            text.push('\n');
        }
        fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))?;
        log(format!("wrote {}", path.display()));
    }
    if let Some(dir) = &args.names_only {
        let models = Models::from_dir(dir).map_err(|e| e.to_string())?;
        let recognizer = train_names(
            &corpora,
            &options,
            &models.clusters,
            &models.tagger,
            &[],
            &mut log,
        );
        let path = args.out.join("ner.ngm");
        fs::create_dir_all(&args.out).map_err(|e| e.to_string())?;
        let header = vec!["newsgraph name recognizer (an experiment: --names-only)".to_owned()];
        fs::write(&path, recognizer.to_file(header).to_bytes())
            .map_err(|e| format!("{}: {e}", path.display()))?;
        log(format!("wrote {}", path.display()));
        return Ok(());
    }
    let trained = train_models(&corpora, &options, &mut log);

    let syntax_source = if args.no_gum {
        "UD English EWT v2.16 train (CC BY-SA 4.0)"
    } else {
        "UD English EWT v2.16 train (CC BY-SA 4.0) and UD English GUM train, open genres (CC BY)"
    };
    let mut names_sources = vec!["GUM train entity annotations (CC BY)"];
    if !args.no_uner {
        names_sources.push("Universal NER English EWT dev (CC BY-SA 4.0)");
    }
    if args.conll04.is_some() {
        names_sources.push("CoNLL04 train split (research use)");
    }
    if !args.no_ecb {
        names_sources.push("ECB+ named participants (CC BY 3.0)");
    }
    if args.silver_names.is_some() {
        names_sources.push(
            "PolNeAR's training articles with the names newsgraph's rules type, replaced by invented words (examples/silver_names.rs)",
        );
    }
    let names_source = names_sources.join(", ");
    let command = format!(
        "made by: scripts/train-analyze.sh (examples/train_analyze.rs{}{}{} --tagger-epochs {} --parser-epochs {} --hidden {} --ner-epochs {} --folds {} --min-weight {})",
        if args.no_gum { " --no-gum" } else { "" },
        if args.no_uner { " --no-uner" } else { "" },
        if args.silver_names.is_some() {
            " --silver-names"
        } else {
            ""
        },
        options.tagger_epochs,
        options.parser.epochs,
        options.parser.hidden,
        options.ner_epochs,
        options.folds,
        options.min_weight,
    );
    let header = |what: &str, source: &str| {
        vec![
            format!("newsgraph {what}"),
            format!("trained on: {source}"),
            "licence of the weights: CC BY-SA 4.0, as the treebank they were learned from"
                .to_owned(),
            command.clone(),
        ]
    };
    fs::create_dir_all(&args.out).map_err(|e| e.to_string())?;
    let files = [
        ("clusters.ngm", trained.clusters.to_file(vec![
            "newsgraph word classes (exchange algorithm; 32, 128 and 512 classes)".to_owned(),
            "learned from: the words of UD English EWT train and GUM train, PolNeAR's training articles (its 40 evaluation articles left out; no licence stated by the authors) and ECB+ (CC BY 3.0)".to_owned(),
            "licence of the classes: CC BY-SA 4.0, as the treebank words they were learned from".to_owned(),
            command.clone(),
        ])),
        ("tagger.ngm", trained.tagger.to_file(header("part-of-speech tagger (averaged perceptron)", syntax_source))),
        ("lemmatizer.ngm", trained.lemmatizer.to_file(header("lemmatizer (ending changes and exceptions)", syntax_source))),
        ("parser.ngm", trained.parser.to_file(header("dependency parser (arc-eager, dynamic oracle, feed-forward network)", syntax_source))),
        ("ner.ngm", trained.recognizer.to_file({
            // Options only the recognizer reads, apart so that they leave the other
            // models' files as they were.
            let mut lines = header("name recognizer (BIO, averaged perceptron)", &names_source);
            lines.push(format!(
                "names options: --uner-copies {}{}",
                args.uner_copies,
                if args.ecb_all_tagged { " --ecb-all-tagged" } else { "" }
            ));
            lines
        })),
    ];
    for (name, file) in files {
        let path = args.out.join(name);
        let bytes = file.to_bytes();
        fs::write(&path, &bytes).map_err(|e| format!("{}: {e}", path.display()))?;
        log(format!(
            "wrote {} ({:.1} MB)",
            path.display(),
            bytes.len() as f64 / 1e6
        ));
    }
    Ok(())
}

/// Plain text to learn word classes from, as sentences of lower-case words: the
/// treebanks' training sentences, PolNeAR's training articles (not its evaluation
/// articles) and ECB+'s documents.
fn plain_text(args: &Args, treebanks: &[&[ConlluSentence]]) -> Result<Vec<Vec<String>>, String> {
    use newsgraph::analyze::words::ud_words;
    use newsgraph::segment::Document;
    let mut plain: Vec<Vec<String>> = treebanks
        .iter()
        .flat_map(|t| t.iter())
        .map(|s| s.words.iter().map(|w| w.form.to_lowercase()).collect())
        .collect();
    let held_out: std::collections::HashSet<std::ffi::OsString> =
        sorted_entries(&args.polnear_eval)?
            .into_iter()
            .filter_map(|p| p.file_name().map(|n| n.to_owned()))
            .collect();
    if held_out.is_empty() {
        return Err(format!(
            "{}: no evaluation articles to leave out",
            args.polnear_eval.display()
        ));
    }
    for path in sorted_entries(&args.training.join("polnear-train/text"))? {
        if path.file_name().is_some_and(|n| held_out.contains(n)) {
            continue;
        }
        let text = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let doc = Document::new(&text);
        for sentence in &doc.sentences {
            let words = ud_words(&doc, sentence.tokens.clone());
            plain.push(
                words
                    .iter()
                    .map(|w| text[w.start..w.end].to_lowercase())
                    .collect(),
            );
        }
    }
    let token = regex::Regex::new(r#"<token [^>]*sentence="(\d+)"[^>]*>([^<]*)</token>"#)
        .map_err(|e| e.to_string())?;
    for topic in sorted_entries(&args.training.join("ecbplus/docs"))? {
        for path in sorted_entries(&topic)? {
            let xml = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            let mut sentence = None;
            for c in token.captures_iter(&xml) {
                if sentence != Some(c[1].to_owned()) {
                    sentence = Some(c[1].to_owned());
                    plain.push(Vec::new());
                }
                let word = unescape_xml(&c[2]);
                if let Some(last) = plain.last_mut() {
                    last.push(word.to_lowercase());
                }
            }
        }
    }
    Ok(plain)
}

/// The sentences of CoNLL04's train-split articles with their gold names tagged: every
/// person, organization and place of the gold answers, found in the text word for word
/// (persons by their surname alone too), the longest first.
fn conll04_names(dir: &Path) -> Result<Vec<NamedSentence>, String> {
    use newsgraph::analyze::words::ud_words;
    use newsgraph::segment::Document;
    let gold_dir = dir.join("gold");
    let mut files: Vec<PathBuf> = fs::read_dir(&gold_dir)
        .map_err(|e| format!("{}: {e}", gold_dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.contains("-train-"))
        })
        .collect();
    files.sort();
    let mut sentences = Vec::new();
    for file in files {
        let gold: serde_json::Value = serde_json::from_str(
            &fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?,
        )
        .map_err(|e| format!("{}: {e}", file.display()))?;
        let article = gold["article"].as_str().ok_or("gold without article")?;
        let name = Path::new(article)
            .file_name()
            .ok_or("article without name")?;
        let path = dir.join("corpus").join(name);
        let text = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        // (words of a name, its type), longest first.
        let mut names: Vec<(Vec<String>, &str)> = Vec::new();
        for (question, kind) in [
            ("01-persons", "PER"),
            ("02-organizations", "ORG"),
            ("03-places", "LOC"),
        ] {
            let rows = gold["questions"][question]["rows"]
                .as_array()
                .cloned()
                .unwrap_or_default();
            for row in rows {
                let Some(cell) = row.get(0).and_then(|c| c.as_str()) else {
                    continue;
                };
                for alternative in cell.split('|').filter(|a| !a.starts_with('~') && *a != "*") {
                    let alternative = alternative.trim().trim_end_matches('.');
                    let doc = Document::new(alternative);
                    let words: Vec<String> = ud_words(&doc, 0..doc.tokens.len())
                        .iter()
                        .map(|w| alternative[w.start..w.end].to_owned())
                        .collect();
                    if words.is_empty() {
                        continue;
                    }
                    if kind == "PER" && words.len() > 1 {
                        names.push((vec![words[words.len() - 1].clone()], kind));
                    }
                    names.push((words, kind));
                }
            }
        }
        names.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        let doc = Document::new(&text);
        for sentence in &doc.sentences {
            let spans = ud_words(&doc, sentence.tokens.clone());
            let words: Vec<String> = spans
                .iter()
                .map(|w| text[w.start..w.end].to_owned())
                .collect();
            let mut tags = vec!["O".to_owned(); words.len()];
            for (name, kind) in &names {
                let n = name.len();
                let mut i = 0;
                while i + n <= words.len() {
                    let free = tags[i..i + n].iter().all(|t| t == "O");
                    if free && words[i..i + n] == name[..] {
                        for k in 0..n {
                            tags[i + k] = format!("{}-{kind}", if k == 0 { "B" } else { "I" });
                        }
                        i += n;
                    } else {
                        i += 1;
                    }
                }
            }
            if !words.is_empty() {
                sentences.push(NamedSentence {
                    words,
                    tags,
                    syntax_index: None,
                });
            }
        }
    }
    Ok(sentences)
}

/// The annotated sentences of ECB+ with the names among their participants and places
/// tagged: persons, organizations, and geopolitical entities, places and facilities as
/// places. A participant is often a description ("party girl Tara Reid", "the police");
/// its name is its last run of capitalized words, if any.
fn ecb_names(dir: &Path) -> Result<Vec<NamedSentence>, String> {
    let index = dir.join("ECBplus_coreference_sentences.csv");
    let csv = fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    let mut annotated: std::collections::BTreeMap<String, std::collections::BTreeSet<usize>> =
        Default::default();
    for line in csv.lines().skip(1) {
        let cells: Vec<&str> = line.trim().split(',').collect();
        if let [topic, file, sentence] = cells[..] {
            let n: usize = sentence
                .parse()
                .map_err(|_| format!("{}: bad line {line:?}", index.display()))?;
            annotated
                .entry(format!("{topic}/{topic}_{file}.xml"))
                .or_default()
                .insert(n);
        }
    }
    let token = regex::Regex::new(r#"<token t_id="(\d+)" sentence="(\d+)"[^>]*>([^<]*)</token>"#)
        .map_err(|e| e.to_string())?;
    let markable = regex::Regex::new(r#"(?s)<([A-Z_]+) m_id="\d+"\s*>(.*?)</[A-Z_]+>"#)
        .map_err(|e| e.to_string())?;
    let anchor = regex::Regex::new(r#"t_id="(\d+)""#).map_err(|e| e.to_string())?;
    let inner = [
        "of", "the", "and", "&", "de", "for", "van", "von", "al", "bin", "la", "le", "du", "da",
        "del",
    ];
    let mut out = Vec::new();
    for (file, sentences) in &annotated {
        let path = dir.join("docs").join(file);
        let xml = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        // Tokens in order: (id, sentence, word).
        let tokens: Vec<(String, usize, String)> = token
            .captures_iter(&xml)
            .map(|c| {
                let word = c[3]
                    .replace("&quot;", "\"")
                    .replace("&apos;", "'")
                    .replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&amp;", "&")
                    .replace("``", "\"")
                    .replace("''", "\"");
                (c[1].to_owned(), c[2].parse().unwrap_or(usize::MAX), word)
            })
            .collect();
        let at: HashMap<&str, usize> = tokens
            .iter()
            .enumerate()
            .map(|(k, t)| (t.0.as_str(), k))
            .collect();
        let capital = |k: usize| {
            tokens[k]
                .2
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_numeric())
        };
        let is_inner = |k: usize| inner.contains(&tokens[k].2.to_lowercase().as_str());
        let mut spans: Vec<(usize, usize, &str)> = Vec::new();
        let markables = xml.split_once("<Markables>").map_or("", |(_, m)| m);
        for m in markable.captures_iter(markables) {
            let kind = match &m[1] {
                "HUMAN_PART_PER" => "PER",
                "HUMAN_PART_ORG" => "ORG",
                "HUMAN_PART_GPE" | "LOC_GEO" | "LOC_FAC" => "LOC",
                _ => continue,
            };
            let mut ids: Vec<usize> = anchor
                .captures_iter(&m[2])
                .filter_map(|a| at.get(&a[1]).copied())
                .collect();
            ids.sort_unstable();
            let Some(&last) = ids.iter().rev().find(|&&k| capital(k)) else {
                continue;
            };
            let mut first = last;
            while first > 0
                && ids.contains(&(first - 1))
                && (capital(first - 1) || is_inner(first - 1))
            {
                first -= 1;
            }
            while first < last && is_inner(first) {
                first += 1;
            }
            spans.push((first, last, kind));
        }
        spans.sort_by_key(|&(f, l, _)| (std::cmp::Reverse(l - f), f));
        let mut tags = vec!["O".to_owned(); tokens.len()];
        for (first, last, kind) in spans {
            if tags[first..=last].iter().any(|t| t != "O") {
                continue;
            }
            for (k, tag) in tags.iter_mut().enumerate().take(last + 1).skip(first) {
                *tag = format!("{}-{kind}", if k == first { "B" } else { "I" });
            }
        }
        for &n in sentences {
            let (words, tags): (Vec<String>, Vec<String>) = tokens
                .iter()
                .zip(&tags)
                .filter(|(t, _)| t.1 == n)
                .map(|(t, tag)| (t.2.clone(), tag.clone()))
                .unzip();
            if !words.is_empty() {
                out.push(NamedSentence {
                    words,
                    tags,
                    syntax_index: None,
                });
            }
        }
    }
    Ok(out)
}
