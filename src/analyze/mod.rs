//! Sentences → words with parts of speech, lemmas, a dependency tree and name tags.
//!
//! Four learned models, each a greedy averaged perceptron over hashed features
//! ([`features`]), trained in the repository from open treebanks
//! (`examples/train_analyze.rs`, `scripts/train-analyze.sh`) and shipped as data files
//! under `models/` ([`weights`] says how they are stored): the [`tagger`] gives each
//! word its universal and Penn Treebank tags, the [`lemma`]tizer its dictionary form,
//! the [`parser`] its head and Universal Dependencies relation, and the name
//! recognizer ([`ner`]) its BIO tag for persons, organizations and places. Each
//! decodes greedily, so analysis is linear in the length of the text, and
//! deterministic.
//!
//! Words follow UD's English conventions ([`words`]) and keep their byte offsets into
//! the article, so whatever a later stage reads off the tree points at exact text.

pub mod clusters;
pub mod conllu;
pub mod features;
pub mod lemma;
mod names_as_words;
pub mod ner;
pub mod output;
pub mod parser;
pub mod perceptron;
pub mod tagger;
pub mod train;
pub(crate) mod tree;
pub mod weights;
pub mod words;

use crate::model::{EntityKind, Span};
use crate::segment::Document;
use clusters::Clusters;
use features::{WordAtoms, word_atoms};
use lemma::Lemmatizer;
use ner::Recognizer;
use parser::{Context, Parser};
use std::ops::Range;
use std::path::Path;
use std::sync::LazyLock;
use tagger::Tagger;
use weights::{ModelError, ModelFile};

/// The models of the analysis.
#[derive(Debug)]
pub struct Models {
    /// Word classes, read by the others.
    pub clusters: Clusters,
    /// Parts of speech.
    pub tagger: Tagger,
    /// Lemmas.
    pub lemmatizer: Lemmatizer,
    /// Dependency trees.
    pub parser: Parser,
    /// Names.
    pub recognizer: Recognizer,
}

/// The file names of the models, in `models/`.
pub const MODEL_FILES: [&str; 5] = [
    "clusters.ngm",
    "tagger.ngm",
    "lemmatizer.ngm",
    "parser.ngm",
    "ner.ngm",
];

static EMBEDDED: [&[u8]; 5] = [
    include_bytes!("../../models/clusters.ngm"),
    include_bytes!("../../models/tagger.ngm"),
    include_bytes!("../../models/lemmatizer.ngm"),
    include_bytes!("../../models/parser.ngm"),
    include_bytes!("../../models/ner.ngm"),
];

static MODELS: LazyLock<Models> = LazyLock::new(|| {
    Models::from_bytes(EMBEDDED)
        .unwrap_or_else(|e| panic!("the models built into newsgraph are damaged: {e}"))
});

/// The models built into this binary, read on first use.
pub fn models() -> &'static Models {
    &MODELS
}

impl Models {
    fn from_bytes(files: [&[u8]; 5]) -> Result<Self, ModelError> {
        let [clusters, tagger, lemmatizer, parser, ner] = files;
        let read = |k: usize, bytes: &[u8]| ModelFile::from_bytes(MODEL_FILES[k], bytes);
        Ok(Self {
            clusters: Clusters::from_file(MODEL_FILES[0], &read(0, clusters)?)?,
            tagger: Tagger::from_file(MODEL_FILES[1], &read(1, tagger)?)?,
            lemmatizer: Lemmatizer::from_file(MODEL_FILES[2], &read(2, lemmatizer)?)?,
            parser: Parser::from_file(MODEL_FILES[3], &read(3, parser)?)?,
            recognizer: Recognizer::from_file(MODEL_FILES[4], &read(4, ner)?)?,
        })
    }

    /// Reads the four model files from a directory (to try newly trained models
    /// without rebuilding).
    pub fn from_dir(dir: &Path) -> Result<Self, ModelError> {
        let mut files: Vec<Vec<u8>> = Vec::new();
        for name in MODEL_FILES {
            let path = dir.join(name);
            files.push(std::fs::read(&path).map_err(|e| ModelError {
                name: path.display().to_string(),
                message: e.to_string(),
            })?);
        }
        Self::from_bytes([&files[0], &files[1], &files[2], &files[3], &files[4]])
    }

    /// Analyses one sentence given as words.
    pub fn analyze_words(&self, words: &[&str]) -> Parsed {
        let mut atoms = word_atoms(words, true);
        self.clusters.mark(&mut atoms);
        self.analyze_atoms(words, &atoms)
    }

    /// Parses one sentence given as words with their tags (no tagging, lemmas or
    /// names): the heads, labels and attachment margins.
    pub(crate) fn parse_tagged(&self, words: &[&str], tags: &[u16]) -> parser::Tree {
        let mut atoms = word_atoms(words, true);
        self.clusters.mark(&mut atoms);
        let classes = self.tagger.classes(&atoms);
        let context = Context {
            atoms: &atoms,
            tags,
            classes: &classes,
            doubts: tags,
        };
        self.parser.parse(&context)
    }

    /// The id of the tag with this universal and Penn Treebank part of speech.
    pub(crate) fn tag_id(&self, upos: &str, xpos: &str) -> Option<u16> {
        self.tagger
            .tags()
            .iter()
            .position(|t| t.upos == upos && t.xpos == xpos)
            .and_then(|i| u16::try_from(i).ok())
    }

    fn analyze_atoms(&self, words: &[&str], atoms: &[WordAtoms]) -> Parsed {
        let (tags, doubts) = self.tagger.tag_with_doubts(atoms);
        let tag_set = self.tagger.tags();
        let lemmas = words
            .iter()
            .zip(atoms)
            .zip(&tags)
            .map(|((w, a), &t)| {
                let tag = &tag_set[usize::from(t)];
                self.lemmatizer.lemma(w, a, &tag.upos, &tag.xpos)
            })
            .collect();
        let classes = self.tagger.classes(atoms);
        let context = Context {
            atoms,
            tags: &tags,
            classes: &classes,
            doubts: &doubts,
        };
        let tree = self.parser.parse(&context);
        let (names, name_margins) = self.recognizer.recognize(atoms, &tags);
        Parsed {
            tags,
            lemmas,
            heads: tree.heads,
            labels: tree.labels,
            head_margins: tree.margins,
            names,
            name_margins,
        }
    }

    /// The id of a dependency relation label, or 0 when the parser has no such label.
    pub fn parser_label(&self, label: &str) -> u16 {
        let labels = self.parser.labels();
        labels
            .iter()
            .position(|l| l == label)
            .and_then(|i| u16::try_from(i).ok())
            .unwrap_or(0)
    }

    /// The universal part of speech of a tag id.
    pub fn upos(&self, tag: u16) -> &str {
        &self.tagger.tags()[usize::from(tag)].upos
    }

    /// The Penn Treebank tag of a tag id.
    pub fn xpos(&self, tag: u16) -> &str {
        &self.tagger.tags()[usize::from(tag)].xpos
    }

    /// The relation name of a label id.
    pub fn deprel(&self, label: u16) -> &str {
        &self.parser.labels()[usize::from(label)]
    }

    /// The BIO tag of a name tag id.
    pub fn name_tag(&self, tag: u8) -> &str {
        &self.recognizer.tags()[usize::from(tag)]
    }
}

/// The analysis of one sentence, word by word (indices are within the sentence).
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    /// Tag ids ([`Models::upos`], [`Models::xpos`]).
    pub tags: Vec<u16>,
    /// Lemmas.
    pub lemmas: Vec<String>,
    /// Heads (`None` for the root's child).
    pub heads: Vec<Option<usize>>,
    /// Relation label ids ([`Models::deprel`]).
    pub labels: Vec<u16>,
    /// BIO name tag ids ([`Models::name_tag`]).
    pub names: Vec<u8>,
    /// How clearly each name tag won over the next best.
    pub name_margins: Vec<f32>,
    /// How clearly the parser chose each word's attachment.
    pub head_margins: Vec<f32>,
}

/// One analysed word of an article.
#[derive(Debug, Clone, PartialEq)]
pub struct Word {
    /// Its byte span in the article.
    pub span: Span,
    /// Its tag id.
    pub tag: u16,
    /// Its lemma.
    pub lemma: String,
    /// Its head, an index into the article's words (`None` for a sentence's root).
    pub head: Option<usize>,
    /// Its relation label id.
    pub label: u16,
    /// How clearly the parser chose its attachment (score units; larger is surer).
    pub head_margin: f32,
    /// Its BIO name tag id.
    pub name: u8,
    /// How clearly its name tag won.
    pub name_margin: f32,
}

/// The analysis of an article: its words, sentence by sentence.
#[derive(Debug)]
pub struct Analysis<'m> {
    /// The models that made it (they name the tags and labels).
    pub models: &'m Models,
    /// Every word, in text order.
    pub words: Vec<Word>,
    /// The words of each sentence of the segmented document.
    pub sentences: Vec<Range<usize>>,
}

impl Analysis<'_> {
    /// The universal part of speech of word `i`.
    pub fn upos(&self, i: usize) -> &str {
        self.models.upos(self.words[i].tag)
    }

    /// The Penn Treebank tag of word `i`.
    pub fn xpos(&self, i: usize) -> &str {
        self.models.xpos(self.words[i].tag)
    }

    /// The dependency relation of word `i` to its head.
    pub fn deprel(&self, i: usize) -> &str {
        self.models.deprel(self.words[i].label)
    }

    /// The BIO name tag of word `i`.
    pub fn name_tag(&self, i: usize) -> &str {
        self.models.name_tag(self.words[i].name)
    }

    /// The words that start inside a byte span.
    pub fn words_in(&self, span: Span) -> Range<usize> {
        let start = self.words.partition_point(|w| w.span.start < span.start);
        let end = self.words.partition_point(|w| w.span.start < span.end);
        start..end.max(start)
    }

    /// What the name recognizer makes of the words of a span: the kind it tagged all
    /// of them with, and how sure it was of the least sure of them (0.5 to 1).
    pub fn name_kind(&self, span: Span) -> Option<(EntityKind, f32)> {
        let words = self.words_in(span);
        let mut kind = None;
        let mut margin = f32::INFINITY;
        for i in words {
            let tag = self.name_tag(i);
            let this = match tag.get(2..)? {
                "PER" => EntityKind::Person,
                "ORG" => EntityKind::Organization,
                "LOC" => EntityKind::Place,
                _ => return None,
            };
            if kind.is_some_and(|k| k != this) {
                return None;
            }
            kind = Some(this);
            margin = margin.min(self.words[i].name_margin);
        }
        // Margins are in summed-weight units; a margin of 5 is a clear call.
        kind.map(|k| (k, 0.5 + 0.5 * (1.0 - (-margin.max(0.0) / 5.0).exp())))
    }
}

/// Analyses every sentence of a segmented article.
pub fn analyze<'m>(doc: &Document<'_>, models: &'m Models) -> Analysis<'m> {
    let mut words = Vec::with_capacity(doc.tokens.len() + doc.tokens.len() / 16);
    let mut sentences = Vec::with_capacity(doc.sentences.len());
    let mut strings: Vec<&str> = Vec::new();
    for sentence in &doc.sentences {
        let spans = words::ud_words(doc, sentence.tokens.clone());
        strings.clear();
        strings.extend(spans.iter().map(|s| &doc.text[s.start..s.end]));
        let parsed = models.analyze_words(&strings);
        let offset = words.len();
        for (k, span) in spans.into_iter().enumerate() {
            words.push(Word {
                span,
                tag: parsed.tags[k],
                lemma: parsed.lemmas[k].clone(),
                head: parsed.heads[k].map(|h| h + offset),
                label: parsed.labels[k],
                name: parsed.names[k],
                name_margin: parsed.name_margins[k],
                head_margin: parsed.head_margins[k],
            });
        }
        sentences.push(offset..words.len());
    }
    Analysis {
        models,
        words,
        sentences,
    }
}
