//! Who may use the server, and how: the `Host` header must name the address the server
//! is bound to (a web page on another name, pointed at 127.0.0.1 by DNS rebinding, is
//! refused); writes need the bearer token; CORS answers only the origin the operator
//! gave.

use std::net::{IpAddr, SocketAddr};

/// A refusal: the status and why.
pub type Refusal = (u16, String);

/// The access rules of a running server.
#[derive(Debug, Clone, Default)]
pub struct Access {
    /// The token that writes need, when the server is writable.
    pub token: Option<String>,
    /// The `Host` values accepted (`host` and `host:port`, lower case); empty accepts
    /// any address literal only.
    pub hosts: Vec<String>,
    /// The origin CORS lets read (and, with the token, write); none by default.
    pub cors: Option<String>,
}

impl Access {
    /// The rules for a server bound to `address`, writable with `token`, reachable also
    /// under the host `names` given by the operator.
    pub fn new(
        address: SocketAddr,
        token: Option<String>,
        names: &[String],
        cors: Option<String>,
    ) -> Self {
        let port = address.port();
        let mut hosts = Vec::new();
        let mut add = |host: String| {
            hosts.push(format!("{host}:{port}"));
            if port == 80 {
                hosts.push(host);
            }
        };
        let ip = address.ip();
        if !ip.is_unspecified() {
            add(match ip {
                IpAddr::V4(v4) => v4.to_string(),
                IpAddr::V6(v6) => format!("[{v6}]"),
            });
        }
        if ip.is_loopback() || ip.is_unspecified() {
            add("localhost".to_owned());
        }
        for name in names {
            add(name.to_ascii_lowercase());
        }
        Self { token, hosts, cors }
    }

    /// Checks the `Host` header: one of the server's own names, or on a server bound to
    /// every interface, any address literal (rebinding needs a name).
    pub fn check_host(&self, host: Option<&str>, unspecified: bool) -> Result<(), Refusal> {
        let Some(host) = host.map(str::to_ascii_lowercase) else {
            return Err((400, "no Host header".to_owned()));
        };
        if self.hosts.contains(&host) {
            return Ok(());
        }
        let literal = host
            .rsplit_once(':')
            .map_or(host.as_str(), |(h, _)| h)
            .trim_matches(['[', ']'])
            .parse::<IpAddr>()
            .is_ok();
        if unspecified && literal {
            return Ok(());
        }
        Err((
            403,
            format!(
                "Host {host:?} is not this server's name (start it with --host-name NAME to \
                 accept a name)"
            ),
        ))
    }

    /// Checks that a write carries the token: 401 without one, 403 with a wrong one or
    /// on a read-only server.
    pub fn check_write(&self, authorization: Option<&str>) -> Result<(), Refusal> {
        let Some(token) = &self.token else {
            return Err((
                403,
                "this endpoint is read-only (start it with --writable to allow updates)".to_owned(),
            ));
        };
        let Some(given) = authorization.and_then(|a| {
            let (scheme, value) = a.trim().split_once(' ')?;
            scheme.eq_ignore_ascii_case("bearer").then(|| value.trim())
        }) else {
            return Err((
                401,
                "writing needs the server's token: Authorization: Bearer <token>".to_owned(),
            ));
        };
        if same_secret(given.as_bytes(), token.as_bytes()) {
            Ok(())
        } else {
            Err((403, "wrong token".to_owned()))
        }
    }
}

/// Compares two secrets in time that depends on their lengths only.
fn same_secret(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |d, (x, y)| d | (x ^ y)) == 0
}

/// Reads the token of a writable server: from `file` (its first line), else from the
/// `NEWSGRAPH_TOKEN` environment variable. At least 16 characters, no spaces.
pub fn read_token(file: Option<&std::path::Path>) -> Result<String, String> {
    let token = match file {
        Some(path) => std::fs::read_to_string(path)
            .map_err(|e| format!("{}: {e}", path.display()))?
            .lines()
            .next()
            .unwrap_or_default()
            .trim()
            .to_owned(),
        None => std::env::var("NEWSGRAPH_TOKEN").map_err(|_| {
            "--writable needs a token: --token-file FILE or the NEWSGRAPH_TOKEN environment \
             variable"
                .to_owned()
        })?,
    };
    if token.len() < 16 || token.chars().any(char::is_whitespace) {
        return Err("the token must be at least 16 characters, without spaces".to_owned());
    }
    Ok(token)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn access() -> Access {
        let address: SocketAddr = "127.0.0.1:7878".parse().unwrap();
        Access::new(address, Some("s3cret-token-0123".to_owned()), &[], None)
    }

    #[test]
    fn only_the_servers_own_names_pass_the_host_check() {
        let a = access();
        assert!(a.check_host(Some("127.0.0.1:7878"), false).is_ok());
        assert!(a.check_host(Some("LOCALHOST:7878"), false).is_ok());
        assert_eq!(
            a.check_host(Some("evil.example:7878"), false)
                .unwrap_err()
                .0,
            403
        );
        assert_eq!(
            a.check_host(Some("127.0.0.1:80"), false).unwrap_err().0,
            403
        );
        assert_eq!(a.check_host(None, false).unwrap_err().0, 400);
        let everywhere = Access::new(
            "0.0.0.0:7878".parse().unwrap(),
            None,
            &["news.example".into()],
            None,
        );
        assert!(everywhere.check_host(Some("10.1.2.3:7878"), true).is_ok());
        assert!(
            everywhere
                .check_host(Some("news.example:7878"), true)
                .is_ok()
        );
        assert!(
            everywhere
                .check_host(Some("rebound.example:7878"), true)
                .is_err()
        );
    }

    #[test]
    fn writes_need_the_token() {
        let a = access();
        assert!(a.check_write(Some("Bearer s3cret-token-0123")).is_ok());
        assert!(a.check_write(Some("bearer  s3cret-token-0123 ")).is_ok());
        assert_eq!(a.check_write(None).unwrap_err().0, 401);
        assert_eq!(a.check_write(Some("Basic abc")).unwrap_err().0, 401);
        assert_eq!(
            a.check_write(Some("Bearer s3cret-token-0124"))
                .unwrap_err()
                .0,
            403
        );
        assert_eq!(
            Access::default()
                .check_write(Some("Bearer x"))
                .unwrap_err()
                .0,
            403
        );
    }
}
