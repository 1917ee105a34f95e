//! Where articles come from: text files (one article each), directories of them,
//! JSON Lines files (one article per line) and standard input, read one article at a
//! time so a corpus never has to fit in memory.
//!
//! A JSON Lines article is an object with `text` and, optionally, `id`, `published`
//! (`YYYY-MM-DD`), `url` and `title`; without `id` the article is named after its URL,
//! else after its file and line.

use crate::model::{Article, Date};
use serde::Deserialize;
use std::collections::HashSet;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// How an input holds its articles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputFormat {
    /// One plain UTF-8 article per file.
    Text,
    /// One JSON object per line.
    Jsonl,
}

/// One input: a file, or standard input (`path` is `None`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// The file; `None` for standard input.
    pub path: Option<PathBuf>,
    /// How it holds its articles.
    pub format: InputFormat,
}

impl Input {
    /// The name used in messages.
    pub fn name(&self) -> String {
        self.path
            .as_ref()
            .map_or_else(|| "<stdin>".to_owned(), |p| p.display().to_string())
    }
}

/// An input that could not be read, or an article in it that was bad; the others go on.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{input}{}: {message}", line.map(|l| format!(": line {l}")).unwrap_or_default())]
pub struct InputError {
    /// The file, or `<stdin>`.
    pub input: String,
    /// The line of a JSON Lines file.
    pub line: Option<usize>,
    /// What was wrong.
    pub message: String,
}

/// Whether a file name matches a shell-style pattern (`*` any run, `?` one character).
pub fn glob_match(pattern: &str, name: &str) -> bool {
    fn go(p: &[char], n: &[char]) -> bool {
        match p.split_first() {
            None => n.is_empty(),
            Some(('*', rest)) => (0..=n.len()).any(|k| go(rest, &n[k..])),
            Some(('?', rest)) => !n.is_empty() && go(rest, &n[1..]),
            Some((c, rest)) => n.first() == Some(c) && go(rest, &n[1..]),
        }
    }
    let p: Vec<char> = pattern.chars().collect();
    let n: Vec<char> = name.chars().collect();
    go(&p, &n)
}

fn format_of(path: &Path, forced: Option<InputFormat>) -> InputFormat {
    forced.unwrap_or_else(|| {
        if path
            .extension()
            .is_some_and(|e| e == "jsonl" || e == "ndjson")
        {
            InputFormat::Jsonl
        } else {
            InputFormat::Text
        }
    })
}

/// The inputs named on the command line: files as given, directories walked
/// recursively in name order (keeping the files that match `glob`, by default
/// `*.txt` and `*.jsonl`), `-` for standard input. Unreadable paths are errors, the
/// others still listed.
pub fn inputs(
    paths: &[PathBuf],
    glob: Option<&str>,
    forced: Option<InputFormat>,
) -> (Vec<Input>, Vec<InputError>) {
    let mut found = Vec::new();
    let mut errors = Vec::new();
    let keep = |name: &str| match glob {
        Some(g) => glob_match(g, name),
        None => name.ends_with(".txt") || name.ends_with(".jsonl"),
    };
    for path in paths {
        if path.as_os_str() == "-" {
            found.push(Input {
                path: None,
                format: forced.unwrap_or(InputFormat::Text),
            });
        } else if path.is_dir() {
            let mut stack = vec![path.clone()];
            let mut files = Vec::new();
            while let Some(dir) = stack.pop() {
                match std::fs::read_dir(&dir) {
                    Ok(entries) => {
                        for entry in entries.flatten() {
                            let p = entry.path();
                            if p.is_dir() {
                                stack.push(p);
                            } else if p.file_name().and_then(|n| n.to_str()).is_some_and(keep) {
                                files.push(p);
                            }
                        }
                    }
                    Err(e) => errors.push(InputError {
                        input: dir.display().to_string(),
                        line: None,
                        message: e.to_string(),
                    }),
                }
            }
            files.sort();
            found.extend(files.into_iter().map(|p| Input {
                format: format_of(&p, forced),
                path: Some(p),
            }));
        } else {
            found.push(Input {
                path: Some(path.clone()),
                format: format_of(path, forced),
            });
        }
    }
    (found, errors)
}

#[derive(Deserialize)]
struct JsonArticle {
    id: Option<String>,
    text: String,
    published: Option<String>,
    url: Option<String>,
    title: Option<String>,
}

/// Reads the articles of inputs one at a time, in order, giving each a unique id.
pub struct Articles {
    inputs: std::vec::IntoIter<Input>,
    current: Option<(Input, Box<dyn BufRead>, usize)>,
    /// The publication date of articles that do not give their own.
    default_published: Option<Date>,
    ids: HashSet<String>,
}

impl Articles {
    /// The next `size` articles (fewer at the end, none when all are read); each input
    /// that fails on the way goes to `failed` and is skipped.
    pub fn next_chunk(&mut self, size: usize, mut failed: impl FnMut(InputError)) -> Vec<Article> {
        let mut chunk = Vec::with_capacity(size);
        for item in self.by_ref() {
            match item {
                Ok(article) => {
                    chunk.push(article);
                    if chunk.len() == size {
                        break;
                    }
                }
                Err(e) => failed(e),
            }
        }
        chunk
    }

    /// Articles from `inputs`; `published` dates those that carry no date.
    pub fn new(inputs: Vec<Input>, published: Option<Date>) -> Self {
        Self {
            inputs: inputs.into_iter(),
            current: None,
            default_published: published,
            ids: HashSet::new(),
        }
    }

    /// A unique id from `wanted`: `-2`, `-3`… appended when it is taken.
    fn unique(&mut self, wanted: &str) -> String {
        // ("" or only spaces: no name to keep.)
        let base = if wanted.trim().is_empty() {
            "article".to_owned()
        } else {
            wanted.to_owned()
        };
        let mut id = base.clone();
        let mut n = 2;
        while !self.ids.insert(crate::mint::slug(&id)) {
            id = format!("{base}-{n}");
            n += 1;
        }
        id
    }

    fn open(input: &Input) -> io::Result<Box<dyn BufRead>> {
        Ok(match &input.path {
            Some(p) => Box::new(BufReader::with_capacity(1 << 16, File::open(p)?)),
            None => Box::new(BufReader::new(io::stdin())),
        })
    }

    fn text_article(
        &mut self,
        input: &Input,
        mut reader: Box<dyn BufRead>,
    ) -> Result<Article, InputError> {
        let error = |message: String| InputError {
            input: input.name(),
            line: None,
            message,
        };
        let mut bytes = Vec::new();
        reader
            .read_to_end(&mut bytes)
            .map_err(|e| error(e.to_string()))?;
        let mut text = String::from_utf8(bytes).map_err(|e| {
            let offset = e.utf8_error().valid_up_to();
            error(format!("not UTF-8 text (invalid byte at offset {offset})"))
        })?;
        // A byte-order mark is no part of the article (offsets count from after it).
        if text.starts_with('\u{feff}') {
            text.drain(..'\u{feff}'.len_utf8());
        }
        if text.trim().is_empty() {
            return Err(error(
                "no text: the file is empty or only whitespace".to_owned(),
            ));
        }
        let stem = input
            .path
            .as_ref()
            .and_then(|p| p.file_stem())
            .and_then(|s| s.to_str())
            .unwrap_or("stdin")
            .to_owned();
        Ok(Article {
            id: self.unique(&stem),
            text,
            published: self.default_published,
            url: None,
            title: None,
        })
    }

    fn json_article(
        &mut self,
        input: &Input,
        line_no: usize,
        line: &str,
    ) -> Result<Article, InputError> {
        let error = |message: String| InputError {
            input: input.name(),
            line: Some(line_no),
            message,
        };
        let json: JsonArticle =
            serde_json::from_str(line).map_err(|e| error(format!("not an article: {e}")))?;
        if json.text.trim().is_empty() {
            return Err(error(
                "no text: \"text\" is empty or only whitespace".to_owned(),
            ));
        }
        let published = match &json.published {
            Some(p) => Some(Date::parse(p).ok_or_else(|| {
                error(format!(
                    "published {p:?} is not a date of the form YYYY-MM-DD"
                ))
            })?),
            None => self.default_published,
        };
        let stem = input
            .path
            .as_ref()
            .and_then(|p| p.file_stem())
            .and_then(|s| s.to_str())
            .unwrap_or("stdin");
        let wanted = json
            .id
            .clone()
            .or_else(|| json.url.as_deref().map(url_name))
            .unwrap_or_else(|| format!("{stem}-{line_no}"));
        Ok(Article {
            id: self.unique(&wanted),
            text: json.text,
            published,
            url: json.url,
            title: json.title,
        })
    }
}

/// An article's name from its URL: the last path segments, without the scheme.
fn url_name(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let path = rest.split_once('/').map_or("", |(_, p)| p);
    let path = path.split(['?', '#']).next().unwrap_or_default();
    let path = path.trim_end_matches('/');
    let path = path
        .strip_suffix(".html")
        .or(path.strip_suffix(".htm"))
        .unwrap_or(path);
    if path.is_empty() {
        rest.to_owned()
    } else {
        path.replace('/', "-")
    }
}

impl Iterator for Articles {
    type Item = Result<Article, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some((input, mut reader, line_no)) = self.current.take() {
                let mut line = String::new();
                match reader.read_line(&mut line) {
                    Ok(0) => continue,
                    Ok(_) => {
                        let line_no = line_no + 1;
                        // (A byte-order mark may open the file.)
                        let text = line.trim().trim_start_matches('\u{feff}');
                        let result =
                            (!text.is_empty()).then(|| self.json_article(&input, line_no, text));
                        self.current = Some((input, reader, line_no));
                        match result {
                            Some(r) => return Some(r),
                            None => continue,
                        }
                    }
                    Err(e) => {
                        return Some(Err(InputError {
                            input: input.name(),
                            line: Some(line_no + 1),
                            message: e.to_string(),
                        }));
                    }
                }
            }
            let input = self.inputs.next()?;
            let reader = match Self::open(&input) {
                Ok(r) => r,
                Err(e) => {
                    return Some(Err(InputError {
                        input: input.name(),
                        line: None,
                        message: e.to_string(),
                    }));
                }
            };
            match input.format {
                InputFormat::Text => return Some(self.text_article(&input, reader)),
                InputFormat::Jsonl => self.current = Some((input, reader, 0)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs_match_file_names() {
        assert!(glob_match("*.txt", "a.txt"));
        assert!(glob_match("news-??.jsonl", "news-01.jsonl"));
        assert!(!glob_match("*.txt", "a.jsonl"));
        assert!(glob_match("*", ""));
    }

    #[test]
    fn json_lines_give_articles_with_their_own_dates_and_clear_errors() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        let file = dir.join("c.jsonl");
        std::fs::write(
            &file,
            "{\"id\": \"a1\", \"text\": \"Tom Reyes spoke.\", \"published\": \"2021-03-15\"}\n\
             \n\
             {\"text\": \"No id.\", \"url\": \"https://news.example/2021/vardby-floods.html\"}\n\
             {\"id\": \"a1\", \"text\": \"Same id.\"}\n\
             not json\n\
             {\"id\": \"a4\", \"text\": \"Bad date.\", \"published\": \"15/03/2021\"}\n",
        )
        .unwrap();
        let (inputs, errors) = inputs(&[file], None, None);
        assert!(errors.is_empty());
        let got: Vec<Result<(String, Option<Date>), String>> = Articles::new(inputs, None)
            .map(|r| r.map(|a| (a.id, a.published)).map_err(|e| e.to_string()))
            .collect();
        let name = dir.join("c.jsonl").display().to_string();
        assert_eq!(
            got,
            [
                Ok(("a1".into(), Date::parse("2021-03-15"))),
                Ok(("2021-vardby-floods".into(), None)),
                Ok(("a1-2".into(), None)),
                Err(format!(
                    "{name}: line 5: not an article: expected ident at line 1 column 2"
                )),
                Err(format!(
                    "{name}: line 6: published \"15/03/2021\" is not a date of the form YYYY-MM-DD"
                )),
            ]
        );
    }
}
