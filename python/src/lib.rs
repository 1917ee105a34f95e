//! newsgraph as a Python module: `extract_batch` turns a batch of articles into their
//! graphs, as N-Quads, for an engine (Spark, Ray) to map over a corpus.
//!
//! It releases the GIL while it extracts and uses one thread unless told otherwise: the
//! engine supplies the parallelism, and a rayon pool would not survive the fork of a
//! worker. Lexicons and model weights are loaded once per process, on first use.

use newsgraph::{Article, Date, article_nquads};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyBytes;

create_exception!(
    newsgraph,
    ArticleError,
    PyException,
    "One article of a batch that could not be extracted (no text, a bad date); \
     extract_batch returns it in the article's place instead of failing the batch."
);

/// `published`: one date for every article, or one (or `None`) per article.
#[derive(FromPyObject)]
enum Published {
    One(String),
    Each(Vec<Option<String>>),
}

fn per_article(
    name: &str,
    values: Option<Vec<Option<String>>>,
    n: usize,
) -> PyResult<Vec<Option<String>>> {
    match values {
        None => Ok(vec![None; n]),
        Some(v) if v.len() == n => Ok(v),
        Some(v) => Err(PyValueError::new_err(format!(
            "{name} has {} entries for {n} texts",
            v.len()
        ))),
    }
}

/// The graphs of a batch of articles, as N-Quads, one `bytes` per article in the
/// order given (each in the article's named graph, sorted): byte for byte what
/// `newsgraph extract --independent --format nq` writes for the same article.
///
/// - `texts`, `ids`: the articles' texts and their identifiers (unique in the corpus;
///   an id names the article's IRI and graph).
/// - `published`: a date `YYYY-MM-DD` for all, or a list with one (or `None`) per
///   article; relative dates ("on Monday") resolve against it.
/// - `base`: the base IRI of minted names (default `https://w3id.org/newsgraph/id/`).
/// - `titles`, `urls`: per article, as the JSON Lines fields `title` and `url`.
/// - `threads`: how many threads extract the batch (default 1).
///
/// An article that cannot be extracted gets an `ArticleError` in its place.
#[pyfunction]
#[pyo3(signature = (texts, ids, published=None, *, base=None, titles=None, urls=None, threads=1))]
#[allow(clippy::too_many_arguments)]
fn extract_batch<'py>(
    py: Python<'py>,
    texts: Vec<String>,
    ids: Vec<String>,
    published: Option<Published>,
    base: Option<String>,
    titles: Option<Vec<Option<String>>>,
    urls: Option<Vec<Option<String>>>,
    threads: usize,
) -> PyResult<Vec<Bound<'py, PyAny>>> {
    let n = texts.len();
    if ids.len() != n {
        return Err(PyValueError::new_err(format!(
            "{} ids for {n} texts",
            ids.len()
        )));
    }
    let published = match published {
        None => vec![None; n],
        Some(Published::One(date)) => vec![Some(date); n],
        Some(Published::Each(dates)) => per_article("published", Some(dates), n)?,
    };
    let titles = per_article("titles", titles, n)?;
    let urls = per_article("urls", urls, n)?;
    let base = base.unwrap_or_else(|| newsgraph::mint::vocab::DEFAULT_BASE.to_owned());
    if !is_iri_prefix(&base) {
        return Err(PyValueError::new_err(format!("base is not an IRI: {base}")));
    }
    let articles: Vec<Result<Article, String>> = texts
        .into_iter()
        .zip(ids)
        .zip(published)
        .zip(titles.into_iter().zip(urls))
        .map(|(((text, id), published), (title, url))| {
            let published = match published {
                None => None,
                Some(p) => Some(Date::parse(&p).ok_or_else(|| {
                    format!("{id}: published {p:?} is not a date of the form YYYY-MM-DD")
                })?),
            };
            Ok(Article {
                id,
                text,
                published,
                url,
                title,
            })
        })
        .collect();
    let graphs = py.detach(|| extract_all(&articles, &base, threads.max(1)));
    graphs
        .into_iter()
        .zip(&articles)
        .map(|(graph, article)| match graph {
            Ok(bytes) => Ok(PyBytes::new(py, &bytes).into_any()),
            Err(message) => {
                let message = match article {
                    Ok(a) => format!("{}: {message}", a.id),
                    Err(_) => message,
                };
                Ok(ArticleError::new_err(message)
                    .into_value(py)
                    .into_bound(py)
                    .into_any())
            }
        })
        .collect()
}

/// Whether `base` can prefix minted IRIs: a scheme, and nothing an IRI may not hold.
fn is_iri_prefix(base: &str) -> bool {
    base.contains(':')
        && !base.chars().any(|c| {
            c.is_whitespace() || matches!(c, '<' | '>' | '"' | '{' | '}' | '|' | '^' | '`' | '\\')
        })
}

/// Extracts every article, on `threads` threads, keeping their order.
fn extract_all(
    articles: &[Result<Article, String>],
    base: &str,
    threads: usize,
) -> Vec<Result<Vec<u8>, String>> {
    let one = |a: &Result<Article, String>| match a {
        Ok(article) => article_nquads(article, base),
        Err(e) => Err(e.clone()),
    };
    if threads == 1 || articles.len() < 2 {
        return articles.iter().map(one).collect();
    }
    let mut out: Vec<Option<Result<Vec<u8>, String>>> = vec![None; articles.len()];
    std::thread::scope(|scope| {
        let chunk = articles.len().div_ceil(threads);
        for (part, slots) in articles.chunks(chunk).zip(out.chunks_mut(chunk)) {
            scope.spawn(move || {
                for (article, slot) in part.iter().zip(slots) {
                    *slot = Some(one(article));
                }
            });
        }
    });
    out.into_iter()
        .map(|r| r.unwrap_or_else(|| Err("not extracted".to_owned())))
        .collect()
}

/// newsgraph: news articles to an RDF knowledge graph.
#[pymodule]
#[pyo3(name = "newsgraph")]
fn init(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", newsgraph::VERSION)?;
    m.add("DEFAULT_BASE", newsgraph::mint::vocab::DEFAULT_BASE)?;
    m.add("ArticleError", m.py().get_type::<ArticleError>())?;
    m.add_function(wrap_pyfunction!(extract_batch, m)?)?;
    Ok(())
}
