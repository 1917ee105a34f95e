//! CoNLL-U, the Universal Dependencies file format: reading treebanks for training and
//! evaluation, and writing analyses that any CoNLL-U evaluator can score.
//!
//! A sentence is a block of comment lines (`# sent_id = …`, `# text = …`) and one line
//! per word with ten tab-separated columns, ended by a blank line. Multiword tokens
//! ("don't" over the words "do" and "n't") and empty nodes (`8.1`) are kept as they
//! were read so that writing a file back keeps them, but only words are analysed.

use std::fmt;
use std::io::{self, BufRead, Write};

/// One word line of a CoNLL-U file (1-based ids in the file, 0-based here).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ConlluWord {
    /// The word as written.
    pub form: String,
    /// Its lemma (`_` when unknown).
    pub lemma: String,
    /// Universal part of speech.
    pub upos: String,
    /// Language-specific part of speech (Penn Treebank tags for English).
    pub xpos: String,
    /// Morphological features, as written.
    pub feats: String,
    /// The 0-based index of the head word, `None` for the root (head 0 in the file) or
    /// when the file gives none (`_`).
    pub head: Option<usize>,
    /// Whether the file gives a head at all.
    pub has_head: bool,
    /// The dependency relation to the head, subtype included ("nsubj:pass").
    pub deprel: String,
    /// Enhanced dependencies, as written.
    pub deps: String,
    /// Everything else (`SpaceAfter=No`, `NER=B-PER`, …), as written.
    pub misc: String,
}

impl ConlluWord {
    /// The value of a `Key=Value` entry of the MISC column.
    pub fn misc_value(&self, key: &str) -> Option<&str> {
        self.misc
            .split('|')
            .filter_map(|kv| kv.split_once('='))
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v)
    }
}

/// A line that is not a word but sits between words: a multiword token range or an
/// empty node. Kept verbatim, with the number of words read before it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExtraLine {
    /// How many words precede it.
    pub before_word: usize,
    /// The line as read.
    pub line: String,
}

/// One sentence of a CoNLL-U file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ConlluSentence {
    /// Comment lines without their `# ` (`sent_id = …`, `text = …`).
    pub comments: Vec<String>,
    /// Its words.
    pub words: Vec<ConlluWord>,
    /// Multiword token and empty node lines.
    pub extra: Vec<ExtraLine>,
}

impl ConlluSentence {
    /// The value of a `# key = value` comment.
    pub fn comment(&self, key: &str) -> Option<&str> {
        self.comments.iter().find_map(|c| {
            let (k, v) = c.split_once('=')?;
            (k.trim() == key).then(|| v.trim())
        })
    }
}

/// What is wrong with a CoNLL-U file, and where.
#[derive(Debug, thiserror::Error)]
pub enum ConlluError {
    /// The file could not be read.
    #[error(transparent)]
    Io(#[from] io::Error),
    /// A line does not follow the format.
    #[error("line {line}: {message}")]
    Syntax {
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
}

/// Reads every sentence of a CoNLL-U file.
pub fn read_conllu(reader: impl BufRead) -> Result<Vec<ConlluSentence>, ConlluError> {
    let mut sentences = Vec::new();
    let mut current = ConlluSentence::default();
    let mut heads: Vec<(usize, String)> = Vec::new();
    let finish = |current: &mut ConlluSentence,
                  heads: &mut Vec<(usize, String)>,
                  sentences: &mut Vec<ConlluSentence>|
     -> Result<(), ConlluError> {
        let n = current.words.len();
        for (k, (line, head)) in heads.drain(..).enumerate() {
            let word = &mut current.words[k];
            if head == "_" {
                continue;
            }
            let h: usize = head.parse().map_err(|_| ConlluError::Syntax {
                line,
                message: format!("head {head:?} is not a number"),
            })?;
            if h > n {
                return Err(ConlluError::Syntax {
                    line,
                    message: format!("head {h} is past the sentence's {n} words"),
                });
            }
            word.has_head = true;
            word.head = h.checked_sub(1);
        }
        if !current.words.is_empty() || !current.comments.is_empty() {
            sentences.push(std::mem::take(current));
        }
        Ok(())
    };
    for (number, line) in reader.lines().enumerate() {
        let line = line?;
        let line = line.trim_end_matches(['\r', '\n']);
        let at = number + 1;
        if line.is_empty() {
            finish(&mut current, &mut heads, &mut sentences)?;
            continue;
        }
        if let Some(comment) = line.strip_prefix('#') {
            current
                .comments
                .push(comment.strip_prefix(' ').unwrap_or(comment).to_owned());
            continue;
        }
        let columns: Vec<&str> = line.split('\t').collect();
        if columns.len() != 10 {
            return Err(ConlluError::Syntax {
                line: at,
                message: format!("{} columns, CoNLL-U has 10", columns.len()),
            });
        }
        let id = columns[0];
        if id.contains('-') || id.contains('.') {
            current.extra.push(ExtraLine {
                before_word: current.words.len(),
                line: line.to_owned(),
            });
            continue;
        }
        if id.parse::<usize>().ok() != Some(current.words.len() + 1) {
            return Err(ConlluError::Syntax {
                line: at,
                message: format!(
                    "word id {id:?} where {} was expected",
                    current.words.len() + 1
                ),
            });
        }
        heads.push((at, columns[6].to_owned()));
        current.words.push(ConlluWord {
            form: columns[1].to_owned(),
            lemma: columns[2].to_owned(),
            upos: columns[3].to_owned(),
            xpos: columns[4].to_owned(),
            feats: columns[5].to_owned(),
            head: None,
            has_head: false,
            deprel: columns[7].to_owned(),
            deps: columns[8].to_owned(),
            misc: columns[9].to_owned(),
        });
    }
    finish(&mut current, &mut heads, &mut sentences)?;
    Ok(sentences)
}

/// Writes sentences as CoNLL-U.
pub fn write_conllu(out: &mut impl Write, sentences: &[ConlluSentence]) -> io::Result<()> {
    for s in sentences {
        write!(out, "{s}")?;
    }
    Ok(())
}

fn or_blank(value: &str) -> &str {
    if value.is_empty() { "_" } else { value }
}

impl fmt::Display for ConlluSentence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for c in &self.comments {
            writeln!(f, "# {c}")?;
        }
        let mut extra = self.extra.iter().peekable();
        for (i, w) in self.words.iter().enumerate() {
            while let Some(x) = extra.next_if(|x| x.before_word == i) {
                writeln!(f, "{}", x.line)?;
            }
            let head = match (w.has_head, w.head) {
                (false, _) => "_".to_owned(),
                (true, None) => "0".to_owned(),
                (true, Some(h)) => (h + 1).to_string(),
            };
            writeln!(
                f,
                "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                i + 1,
                or_blank(&w.form),
                or_blank(&w.lemma),
                or_blank(&w.upos),
                or_blank(&w.xpos),
                or_blank(&w.feats),
                head,
                or_blank(&w.deprel),
                or_blank(&w.deps),
                or_blank(&w.misc),
            )?;
        }
        for x in extra {
            writeln!(f, "{}", x.line)?;
        }
        writeln!(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# sent_id = s1\n# text = I don't.\n1\tI\tI\tPRON\tPRP\t_\t3\tnsubj\t_\t_\n2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n2\tdo\tdo\tAUX\tVBP\t_\t3\taux\t_\t_\n3\tn't\tnot\tPART\tRB\t_\t0\troot\t_\tSpaceAfter=No\n4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n";

    #[test]
    fn reads_words_heads_and_comments() {
        let s = read_conllu(SAMPLE.as_bytes()).unwrap();
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].comment("sent_id"), Some("s1"));
        assert_eq!(s[0].words.len(), 4);
        assert_eq!(s[0].words[0].head, Some(2));
        assert_eq!(s[0].words[2].head, None);
        assert!(s[0].words[2].has_head);
        assert_eq!(s[0].words[2].misc_value("SpaceAfter"), Some("No"));
        assert_eq!(s[0].extra[0].before_word, 1);
    }

    #[test]
    fn writes_back_what_it_read() {
        let s = read_conllu(SAMPLE.as_bytes()).unwrap();
        let mut out = Vec::new();
        write_conllu(&mut out, &s).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), SAMPLE);
    }

    #[test]
    fn reports_the_line_of_a_broken_word() {
        let bad = "1\tI\tI\tPRON\tPRP\t_\t0\troot\t_\t_\n3\tx\tx\tX\tX\t_\t1\tdep\t_\t_\n";
        let err = read_conllu(bad.as_bytes()).unwrap_err().to_string();
        assert!(err.contains("line 2"), "{err}");
        let bad = "1\tI\tI\tPRON\tPRP\t_\t7\troot\t_\t_\n";
        assert!(read_conllu(bad.as_bytes()).is_err());
        let bad = "1\tI\tI\n";
        assert!(read_conllu(bad.as_bytes()).is_err());
    }
}
