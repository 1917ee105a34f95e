//! Where candidates come from: a SPARQL endpoint over HTTP (Wikidata, DBpedia, any
//! URL) or reference RDF files loaded into memory. Both answer SPARQL SELECT queries
//! with rows of strings.

use crate::http::{self, Failure};
use crate::store::{self, QueryOutput};
use oxhttp::Client;
use oxhttp::model::{Body, Method, Request, header};
use oxigraph::model::Term;
use oxigraph::store::Store;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// One answer row: variable name → value (an IRI, or a literal's lexical form).
pub type Row = HashMap<String, String>;

/// Wikidata's public SPARQL endpoint.
pub const WIKIDATA: &str = "https://query.wikidata.org/sparql";
/// DBpedia's public SPARQL endpoint.
pub const DBPEDIA: &str = "https://dbpedia.org/sparql";

/// What went wrong asking a target.
#[derive(Debug, thiserror::Error)]
pub enum TargetError {
    /// The endpoint could not be reached or kept failing.
    #[error("{url}: {message}")]
    Endpoint {
        /// The endpoint.
        url: String,
        /// What happened, after the retries.
        message: String,
    },
    /// The reference files could not be read or queried.
    #[error("{0}")]
    Reference(String),
}

/// Something that answers SPARQL SELECT queries.
pub trait Target {
    /// A short name for reports and the provenance of links ("wikidata", a URL, a file).
    fn name(&self) -> &str;
    /// Runs a SELECT query.
    fn select(&mut self, query: &str) -> Result<Vec<Row>, TargetError>;
    /// How many queries went over the network, and how many came from the cache.
    fn requests(&self) -> (usize, usize) {
        (0, 0)
    }
}

/// How an endpoint is asked.
#[derive(Debug, Clone)]
pub struct EndpointOptions {
    /// Where answers are kept between runs; `None` keeps none.
    pub cache: Option<PathBuf>,
    /// Timeout of one request.
    pub timeout: Duration,
    /// Retries after a 429, a 5xx or a network error.
    pub retries: u32,
    /// The least time between two requests.
    pub min_interval: Duration,
    /// The first wait before a retry; it doubles each time (a server's Retry-After wins).
    pub backoff: Duration,
    /// Sent as User-Agent, as Wikimedia's policy asks.
    pub user_agent: String,
}

impl Default for EndpointOptions {
    fn default() -> Self {
        Self {
            cache: None,
            timeout: Duration::from_secs(60),
            retries: 3,
            min_interval: Duration::from_millis(500),
            backoff: Duration::from_millis(500),
            user_agent: format!(
                "newsgraph/{} (https://w3id.org/newsgraph; entity linking)",
                env!("CARGO_PKG_VERSION")
            ),
        }
    }
}

/// A SPARQL endpoint over HTTP, with an on-disk cache, retries and a rate limit.
pub struct Endpoint {
    url: String,
    options: EndpointOptions,
    client: Client,
    last: Option<Instant>,
    sent: usize,
    cached: usize,
}

impl Endpoint {
    /// An endpoint at `url`.
    pub fn new(url: &str, options: EndpointOptions) -> Result<Self, TargetError> {
        let client = http::client(&options.user_agent, options.timeout).map_err(|message| {
            TargetError::Endpoint {
                url: url.to_owned(),
                message,
            }
        })?;
        Ok(Self {
            url: url.to_owned(),
            options,
            client,
            last: None,
            sent: 0,
            cached: 0,
        })
    }

    fn cache_file(&self, query: &str) -> Option<PathBuf> {
        let key = fnv1a(format!("{}\n{}", self.url, query).as_bytes());
        self.options
            .cache
            .as_ref()
            .map(|dir| dir.join(format!("{key:016x}.json")))
    }

    /// One POST of the query, after the rate limit's wait.
    fn post(&mut self, query: &str) -> Result<String, Failure> {
        if let Some(last) = self.last {
            let since = last.elapsed();
            if since < self.options.min_interval {
                std::thread::sleep(self.options.min_interval - since);
            }
        }
        self.last = Some(Instant::now());
        self.sent += 1;
        let body: String = form_urlencoded::Serializer::new(String::new())
            .append_pair("query", query)
            .finish();
        let request = Request::builder()
            .method(Method::POST)
            .uri(&self.url)
            .header(header::ACCEPT, "application/sparql-results+json")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(body))
            .map_err(|e| Failure::fatal(format!("bad request: {e}")))?;
        http::send(&self.client, request)
    }
}

impl Target for Endpoint {
    fn name(&self) -> &str {
        &self.url
    }

    fn select(&mut self, query: &str) -> Result<Vec<Row>, TargetError> {
        let cache = self.cache_file(query);
        if let Some(text) = cache.as_ref().and_then(|f| std::fs::read_to_string(f).ok()) {
            if let Ok(rows) = parse_json_results(&text) {
                self.cached += 1;
                return Ok(rows);
            }
        }
        let (retries, backoff) = (self.options.retries, self.options.backoff);
        let text =
            http::with_retries(retries, backoff, || self.post(query)).map_err(|message| {
                TargetError::Endpoint {
                    url: self.url.clone(),
                    message,
                }
            })?;
        let rows = parse_json_results(&text).map_err(|message| TargetError::Endpoint {
            url: self.url.clone(),
            message,
        })?;
        if let Some(file) = cache {
            // A cache that cannot be written only costs a request next time.
            let _ = write_atomically(&file, &text);
        }
        Ok(rows)
    }

    fn requests(&self) -> (usize, usize) {
        (self.sent, self.cached)
    }
}

/// Reference RDF files, loaded into an in-memory store and queried offline.
pub struct Reference {
    name: String,
    store: Store,
}

impl Reference {
    /// Loads reference files (any RDF format newsgraph reads).
    pub fn open(paths: &[PathBuf]) -> Result<Self, TargetError> {
        let store = store::load_files(paths).map_err(|e| TargetError::Reference(e.to_string()))?;
        let name = paths
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
            .join(", ");
        Ok(Self { name, store })
    }

    /// A reference already in memory, e.g. the shipped GeoNames places.
    pub fn from_store(name: &str, store: Store) -> Self {
        Self {
            name: name.to_owned(),
            store,
        }
    }
}

impl Target for Reference {
    fn name(&self) -> &str {
        &self.name
    }

    fn select(&mut self, query: &str) -> Result<Vec<Row>, TargetError> {
        let answer = store::run_query(&self.store, query).map_err(TargetError::Reference)?;
        let QueryOutput::Solutions(solutions) = answer else {
            return Err(TargetError::Reference("not a SELECT query".into()));
        };
        let mut rows = Vec::new();
        for solution in solutions {
            let solution = solution.map_err(|e| TargetError::Reference(e.to_string()))?;
            let row = solution
                .iter()
                .map(|(var, term)| (var.as_str().to_owned(), term_value(term)))
                .collect();
            rows.push(row);
        }
        Ok(rows)
    }
}

fn term_value(term: &Term) -> String {
    match term {
        Term::NamedNode(n) => n.as_str().to_owned(),
        Term::BlankNode(b) => b.as_str().to_owned(),
        Term::Literal(l) => l.value().to_owned(),
    }
}

/// Reads SPARQL 1.1 Query Results JSON into rows.
fn parse_json_results(text: &str) -> Result<Vec<Row>, String> {
    let parsed: serde_json::Value =
        serde_json::from_str(text).map_err(|e| format!("not SPARQL results JSON: {e}"))?;
    let bindings = parsed["results"]["bindings"]
        .as_array()
        .ok_or("SPARQL results JSON without results.bindings")?;
    Ok(bindings
        .iter()
        .filter_map(|b| b.as_object())
        .map(|b| {
            b.iter()
                .filter_map(|(var, v)| Some((var.clone(), v["value"].as_str()?.to_owned())))
                .collect()
        })
        .collect())
}

/// A stable 64-bit hash (FNV-1a): cache file names must not change between builds.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

fn write_atomically(file: &Path, text: &str) -> std::io::Result<()> {
    if let Some(dir) = file.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let tmp = file.with_extension(format!("tmp{}", std::process::id()));
    std::fs::write(&tmp, text)?;
    std::fs::rename(tmp, file)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sparql_json_results_become_rows() {
        let rows = parse_json_results(
            r#"{"head":{"vars":["item","n"]},"results":{"bindings":[
                {"item":{"type":"uri","value":"http://www.wikidata.org/entity/Q1"},
                 "n":{"type":"literal","value":"Vardby","xml:lang":"en"}},
                {"item":{"type":"uri","value":"http://www.wikidata.org/entity/Q2"}}]}}"#,
        )
        .unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0]["n"], "Vardby");
        assert!(!rows[1].contains_key("n"));
        assert!(parse_json_results("<html>").is_err());
        assert!(parse_json_results("{}").is_err());
    }

    #[test]
    fn the_cache_key_is_stable() {
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
