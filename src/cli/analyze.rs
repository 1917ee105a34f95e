//! `newsgraph analyze`.

use super::Outcome;
use anyhow::{Context, Result};
use clap::{Args, ValueEnum};
use newsgraph::analyze::conllu::{read_conllu, write_conllu};
use newsgraph::analyze::{self, Models, output};
use newsgraph::corpus::{self, InputFormat};
use newsgraph::segment::Document;
use rayon::prelude::*;
use std::fs::File;
use std::io::{self, BufReader, BufWriter, Write};
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct AnalyzeArgs {
    /// Articles (plain UTF-8 text files, JSON Lines files, directories, - for standard
    /// input), or CoNLL-U files with --input-format conllu.
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<PathBuf>,
    /// How the inputs hold their text: text and jsonl as for `extract`; conllu reads
    /// the words of a CoNLL-U file as they are (gold tokens and sentences) and writes
    /// them back with newsgraph's tags, lemmas, tree and names.
    #[arg(long, value_enum, value_name = "FORMAT")]
    input_format: Option<InputKind>,
    /// In directories, read the files whose name matches this pattern (* and ?).
    #[arg(long, value_name = "PATTERN")]
    glob: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "conllu")]
    format: AnalysisFormat,
    /// Write to this file instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Read the models from this directory (tagger.ngm, lemmatizer.ngm, parser.ngm,
    /// ner.ngm) instead of those built in, e.g. newly trained ones.
    #[arg(long, value_name = "DIR")]
    models: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum InputKind {
    /// One plain UTF-8 article per file.
    Text,
    /// JSON Lines: one article object per line.
    Jsonl,
    /// CoNLL-U: sentences of words, analysed as they are tokenized.
    Conllu,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum AnalysisFormat {
    /// CoNLL-U, with code-point ranges and name tags in MISC.
    Conllu,
    /// JSON Lines: one {"id", "sentences": [{"text", "words": [...]}]} object per article.
    Json,
}

/// Articles analysed at once, in parallel.
const CHUNK: usize = 64;

pub fn run(args: AnalyzeArgs) -> Result<Outcome> {
    let loaded;
    let models: &Models = match &args.models {
        Some(dir) => {
            loaded = Models::from_dir(dir)?;
            &loaded
        }
        None => analyze::models(),
    };
    let stdout = io::stdout();
    let mut out: Box<dyn Write> = match &args.output {
        Some(path) => Box::new(BufWriter::new(
            File::create(path).with_context(|| format!("creating {}", path.display()))?,
        )),
        None => Box::new(BufWriter::new(stdout.lock())),
    };
    let mut failed = 0;
    if args.input_format == Some(InputKind::Conllu) {
        for path in &args.inputs {
            let read = || -> Result<_> {
                let file = File::open(path)?;
                Ok(read_conllu(BufReader::new(file))?)
            };
            let mut sentences = match read() {
                Ok(s) => s,
                Err(e) => {
                    eprintln!("newsgraph: {}: {e}; skipped", path.display());
                    failed += 1;
                    continue;
                }
            };
            sentences
                .par_iter_mut()
                .for_each(|s| output::analyze_conllu(s, models));
            if args.format == AnalysisFormat::Json {
                for s in &sentences {
                    serde_json::to_writer(&mut out, &output::conllu_to_json(s))?;
                    writeln!(out)?;
                }
            } else {
                write_conllu(&mut out, &sentences)?;
            }
        }
    } else {
        let forced = args.input_format.map(|k| match k {
            InputKind::Jsonl => InputFormat::Jsonl,
            _ => InputFormat::Text,
        });
        let (inputs, errors) = corpus::inputs(&args.inputs, args.glob.as_deref(), forced);
        for e in &errors {
            eprintln!("newsgraph: {e}; skipped");
        }
        failed += errors.len();
        let mut articles = corpus::Articles::new(inputs, None);
        loop {
            let chunk = articles.next_chunk(CHUNK, |e| {
                eprintln!("newsgraph: {e}; skipped");
                failed += 1;
            });
            if chunk.is_empty() {
                break;
            }
            let rendered: Vec<Vec<u8>> = chunk
                .par_iter()
                .map(|article| {
                    let doc = Document::new(&article.text);
                    let analysis = analyze::analyze(&doc, models);
                    let mut bytes = Vec::new();
                    match args.format {
                        AnalysisFormat::Conllu => {
                            let sentences =
                                output::to_conllu(&article.id, &article.text, &analysis);
                            write_conllu(&mut bytes, &sentences).expect("writing to memory");
                        }
                        AnalysisFormat::Json => {
                            let json = output::to_json(&article.id, &article.text, &analysis);
                            serde_json::to_writer(&mut bytes, &json).expect("writing to memory");
                            bytes.push(b'\n');
                        }
                    }
                    bytes
                })
                .collect();
            for bytes in rendered {
                out.write_all(&bytes)?;
            }
        }
    }
    out.flush()?;
    Ok(if failed > 0 {
        Outcome::Partial
    } else {
        Outcome::Ok
    })
}
