//! What a query or an update run for someone else may reach outside the store.
//!
//! A SPARQL endpoint that follows `SERVICE <url>` and `LOAD <url>` for anyone lets them
//! make the server call any address it can reach: its own loopback services, the
//! private network behind it, a cloud's metadata address (server-side request
//! forgery). [`Outbound`] lists the URL prefixes a server's operator allows; every
//! other URL is refused, `file:` always, and a host that resolves to a loopback,
//! private, link-local or otherwise non-public address unless the allowed prefix names
//! that very host by its address or as `localhost`. Redirects are not followed (a
//! public URL could redirect to a private one).

use oxhttp::Client;
use oxhttp::model::{Body, Method, Request, header};
use oxigraph::model::NamedNode;
use oxigraph::sparql::results::{
    QueryResultsFormat, QueryResultsParser, ReaderQueryResultsParserOutput,
};
use oxigraph::sparql::{DefaultServiceHandler, QueryEvaluationError, QuerySolutionIter, Variable};
use spargebra::algebra::GraphPattern;
use spargebra::{GraphUpdateOperation, SparqlParser};
use std::io::Read;
use std::net::{IpAddr, ToSocketAddrs};
use std::sync::Arc;
use std::time::Duration;

/// The remote URLs queries and updates may reach: none unless listed.
#[derive(Debug, Clone, Default)]
pub struct Outbound {
    prefixes: Vec<String>,
    timeout: Option<Duration>,
}

impl Outbound {
    /// A policy allowing the URLs that start with one of `prefixes` (http or https),
    /// each request limited to `timeout`.
    pub fn allowing(prefixes: Vec<String>, timeout: Duration) -> Result<Self, String> {
        for prefix in &prefixes {
            let url = url::Url::parse(prefix)
                .map_err(|e| format!("--allow-service {prefix:?}: not a URL ({e})"))?;
            if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
                return Err(format!(
                    "--allow-service {prefix:?}: only http and https URLs with a host"
                ));
            }
        }
        Ok(Self {
            prefixes,
            timeout: Some(timeout),
        })
    }

    /// Whether a query or an update may send a request to `url`; the reason if not.
    pub fn check(&self, url: &str) -> Result<(), String> {
        let refused = |why: &str| Err(format!("refused to reach {url}: {why}"));
        let parsed = match url::Url::parse(url) {
            Ok(u) => u,
            Err(_) => return refused("not a URL"),
        };
        if !matches!(parsed.scheme(), "http" | "https") {
            return refused("only http and https URLs are ever reached");
        }
        let Some(prefix) = self.prefixes.iter().find(|p| url.starts_with(p.as_str())) else {
            return refused("not under a prefix the server allows (--allow-service)");
        };
        // The prefix names the host itself: the operator meant it.
        let named = url::Url::parse(prefix).ok().and_then(|p| {
            let host = p.host_str()?.to_owned();
            Some(host == "localhost" || host.trim_matches(['[', ']']).parse::<IpAddr>().is_ok())
        });
        if named == Some(true) {
            return Ok(());
        }
        let Some(host) = parsed.host_str() else {
            return refused("no host");
        };
        let port = parsed.port_or_known_default().unwrap_or(80);
        let addresses = match (host.trim_matches(['[', ']']), port).to_socket_addrs() {
            Ok(a) => a.collect::<Vec<_>>(),
            Err(e) => return refused(&format!("its host does not resolve ({e})")),
        };
        match addresses.iter().find(|a| !is_public(a.ip())) {
            Some(a) => refused(&format!(
                "{host} resolves to {}, a loopback, private or link-local address",
                a.ip()
            )),
            None => Ok(()),
        }
    }

    /// Checks every URL an update would `LOAD` from.
    pub fn check_update(&self, update: &str) -> Result<(), String> {
        let Ok(parsed) = SparqlParser::new().parse_update(update) else {
            // The evaluator reports the syntax error itself.
            return Ok(());
        };
        for operation in &parsed.operations {
            if let GraphUpdateOperation::Load { source, .. } = operation {
                self.check(source.as_str())?;
            }
        }
        Ok(())
    }

    /// The `SERVICE` handler that applies this policy.
    pub fn services(&self) -> GatedServices {
        GatedServices {
            outbound: Arc::new(self.clone()),
        }
    }
}

/// Whether an address belongs to the public internet: not loopback, private (RFC
/// 1918, unique local), link-local (the cloud metadata address 169.254.169.254
/// among them), shared (100.64/10), unspecified, multicast or documentation.
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => {
            let [a, b, ..] = v4.octets();
            !(v4.is_loopback()
                || v4.is_private()
                || v4.is_link_local()
                || v4.is_unspecified()
                || v4.is_broadcast()
                || v4.is_multicast()
                || v4.is_documentation()
                || a == 0
                || a == 100 && (64..128).contains(&b)
                || a >= 240)
        }
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return is_public(IpAddr::V4(v4));
            }
            let first = v6.segments()[0];
            !(v6.is_loopback()
                || v6.is_unspecified()
                || v6.is_multicast()
                || first & 0xfe00 == 0xfc00
                || first & 0xffc0 == 0xfe80
                || first == 0x2001 && v6.segments()[1] == 0x0db8)
        }
    }
}

/// Runs `SERVICE` calls the [`Outbound`] policy allows, and refuses the others.
#[derive(Debug, Clone)]
pub struct GatedServices {
    outbound: Arc<Outbound>,
}

impl DefaultServiceHandler for GatedServices {
    type Error = QueryEvaluationError;

    fn handle(
        &self,
        service_name: &NamedNode,
        pattern: &GraphPattern,
        base_iri: Option<&oxiri::Iri<String>>,
    ) -> Result<QuerySolutionIter<'static>, Self::Error> {
        let service = |e: String| QueryEvaluationError::Service(e.into());
        self.outbound
            .check(service_name.as_str())
            .map_err(service)?;
        let query = spargebra::Query::Select {
            dataset: None,
            pattern: pattern.clone(),
            base_iri: base_iri.cloned(),
        }
        .to_string();
        let mut client = Client::new().with_redirection_limit(0);
        if let Some(timeout) = self.outbound.timeout {
            client = client.with_global_timeout(timeout);
        }
        let request = Request::builder()
            .method(Method::POST)
            .uri(service_name.as_str())
            .header(header::CONTENT_TYPE, "application/sparql-query")
            .header(
                header::ACCEPT,
                "application/sparql-results+json, application/sparql-results+xml",
            )
            .body(Body::from(query))
            .map_err(|e| service(e.to_string()))?;
        let response = client
            .request(request)
            .map_err(|e| service(format!("{service_name}: {e}")))?;
        if !response.status().is_success() {
            return Err(service(format!(
                "{service_name} answered {}",
                response.status()
            )));
        }
        let media = response
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        let format = QueryResultsFormat::from_media_type(&media)
            .ok_or_else(|| service(format!("{service_name} answered in {media:?}")))?;
        let mut body = Vec::new();
        response
            .into_body()
            .read_to_end(&mut body)
            .map_err(|e| service(format!("{service_name}: {e}")))?;
        let parsed = QueryResultsParser::from_format(format)
            .for_reader(std::io::Cursor::new(body))
            .map_err(|e| service(format!("{service_name}: {e}")))?;
        let ReaderQueryResultsParserOutput::Solutions(solutions) = parsed else {
            return Err(service(format!("{service_name} gave no solutions")));
        };
        let variables: Arc<[Variable]> = solutions.variables().into();
        Ok(QuerySolutionIter::new(
            variables,
            solutions.map(|s| s.map_err(|e| QueryEvaluationError::Service(Box::new(e)))),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_public_addresses_are_public() {
        for private in [
            "127.0.0.1",
            "10.0.0.8",
            "172.16.5.4",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "::1",
            "fd00::1",
            "fe80::1",
            "::ffff:127.0.0.1",
        ] {
            assert!(!is_public(private.parse().unwrap()), "{private}");
        }
        for public in ["93.184.216.34", "8.8.8.8", "2606:4700::1111"] {
            assert!(is_public(public.parse().unwrap()), "{public}");
        }
    }

    #[test]
    fn urls_outside_the_allowed_prefixes_are_refused() {
        let none = Outbound::default();
        assert!(none.check("http://8.8.8.8/sparql").is_err());
        let some = Outbound::allowing(
            vec![
                "http://127.0.0.1:9999/".into(),
                "http://localhost:7000/q".into(),
            ],
            Duration::from_secs(1),
        )
        .unwrap();
        assert!(some.check("http://127.0.0.1:9999/query").is_ok());
        assert!(some.check("http://localhost:7000/query").is_ok());
        assert!(some.check("http://127.0.0.1:9998/query").is_err());
        assert!(some.check("file:///etc/passwd").is_err());
        assert!(Outbound::allowing(vec!["file:///".into()], Duration::from_secs(1)).is_err());
        // A name that resolves to loopback is refused unless the prefix names it so.
        let named =
            Outbound::allowing(vec!["http://localhost./".into()], Duration::from_secs(1)).unwrap();
        if ("localhost.", 80).to_socket_addrs().is_ok() {
            assert!(named.check("http://localhost./query").is_err());
        }
        let update = "LOAD <file:///etc/passwd> INTO GRAPH <http://example.org/g>";
        assert!(some.check_update(update).is_err());
        assert!(
            some.check_update("INSERT DATA { <http://a> <http://b> <http://c> }")
                .is_ok()
        );
    }
}
