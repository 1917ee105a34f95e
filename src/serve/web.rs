//! The page at `/`: the bundle built from `web/` (committed in `web/dist/`), embedded
//! into the binary so that the page works offline and without Node.
//!
//! Every file goes out with a `Content-Security-Policy` of `default-src 'self'`: the page
//! runs only its own scripts and reaches only this server.

use super::Answer;
use rust_embed::Embed;

#[derive(Embed)]
#[folder = "web/dist/"]
struct Bundle;

/// The headers every file of the page carries.
fn guarded(mut answer: Answer, etag: String) -> Answer {
    answer.extra.extend([
        ("Content-Security-Policy", "default-src 'self'".to_owned()),
        ("X-Content-Type-Options", "nosniff".to_owned()),
        ("X-Frame-Options", "DENY".to_owned()),
        ("Referrer-Policy", "no-referrer".to_owned()),
        // Names carry no hash, so the browser asks again each time (304 when unchanged).
        ("Cache-Control", "no-cache".to_owned()),
        ("ETag", etag),
    ]);
    answer
}

fn media_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or_default() {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "woff2" => "font/woff2",
        "json" => "application/json",
        "rq" | "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// The file of the page at `path` (`/` is `index.html`), or `None` when the bundle has
/// no such file. `if_none_match` is the request's `If-None-Match`.
pub fn file(path: &str, if_none_match: Option<&str>) -> Option<Answer> {
    let name = match path.trim_start_matches('/') {
        "" => "index.html",
        name => name,
    };
    let file = Bundle::get(name)?;
    let etag = format!(
        "\"{}\"",
        file.metadata
            .sha256_hash()
            .iter()
            .take(12)
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
    );
    let answer = if if_none_match == Some(etag.as_str()) {
        Answer::empty(304)
    } else {
        Answer {
            status: 200,
            content_type: media_type(name),
            body: file.data.into_owned(),
            extra: Vec::new(),
        }
    };
    Some(guarded(answer, etag))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header<'a>(answer: &'a Answer, name: &str) -> Option<&'a str> {
        answer
            .extra
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    #[test]
    fn the_page_is_served_with_its_policy() {
        let page = file("/", None).expect("index.html in the bundle");
        assert_eq!(page.status, 200);
        assert_eq!(page.content_type, "text/html; charset=utf-8");
        assert!(String::from_utf8_lossy(&page.body).contains("<div id=\"app\">"));
        assert_eq!(
            header(&page, "content-security-policy"),
            Some("default-src 'self'")
        );
        let again = file("/index.html", header(&page, "etag")).unwrap();
        assert_eq!((again.status, again.body.len()), (304, 0));
        assert!(file("/no-such-file.js", None).is_none());
        assert!(file("/../Cargo.toml", None).is_none());
    }

    #[test]
    fn scripts_are_bundled_and_point_nowhere_else() {
        let mut scripts = 0;
        for name in Bundle::iter() {
            let data = Bundle::get(&name).unwrap().data;
            let text = String::from_utf8_lossy(&data);
            if name.ends_with(".js") {
                scripts += 1;
            }
            // No file loads anything from another host (a CDN, a font service).
            for remote in ["src=\"http", "href=\"http", "url(http", "import(\"http"] {
                assert!(!text.contains(remote), "{name} reaches out: {remote}");
            }
        }
        assert!(scripts > 0);
    }
}
