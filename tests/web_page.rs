//! The page of `newsgraph serve`, in a real browser (Debian's Chromium driven by
//! `web/tests/browser.mjs` with playwright-core), and the committed bundle against its
//! sources.

mod common;

use common::{newsgraph_ok, root, serve};
use std::path::{Path, PathBuf};
use std::process::Command;

/// An invented article with characters outside the Basic Multilingual Plane (an emoji,
/// a mathematical letter) before names: the marks must not shift.
const EMOJI_ARTICLE: &str = "Flood warning 🌊 for the Vale of Ormond\n\n\
    🌊🌊 Residents of Kelmsby were told to leave their homes on Tuesday. \
    \"We are moving every family to higher ground,\" said Marta Quill, the mayor of Kelmsby. \
    The 𝔸rden Water Board said that the river would peak overnight. \
    Quill later met officials of the Water Board in Kelmsby.\n";

/// The dev articles of the shared corpus when this checkout sits beside it (they are
/// the BBC's and are not copied into the repository).
fn dev_articles() -> Vec<PathBuf> {
    let dir = root().join("../shared/corpus/dev");
    let mut found: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                .collect()
        })
        .unwrap_or_default();
    found.sort();
    found
}

fn store_for_the_page(dir: &Path) -> (PathBuf, String) {
    let store = dir.join("store");
    let s = store.to_str().unwrap();
    let example = root().join("examples/wic2020.txt");
    newsgraph_ok(&[
        "extract",
        example.to_str().unwrap(),
        "--published",
        "2020-11-23",
        "--store",
        s,
        "-q",
    ]);
    let invented = dir.join("flood-warning.txt");
    std::fs::write(&invented, EMOJI_ARTICLE).unwrap();
    newsgraph_ok(&[
        "extract",
        invented.to_str().unwrap(),
        "--published",
        "2021-03-02",
        "--store",
        s,
        "-q",
    ]);
    let dev = dev_articles();
    if dev.is_empty() {
        eprintln!(
            "web_page: no ../shared/corpus/dev beside the checkout; the example and an invented article only"
        );
    } else {
        let mut args = vec!["extract", "--published", "2005-03-01", "--store", s, "-q"];
        args.extend(dev.iter().map(|p| p.to_str().unwrap()));
        newsgraph_ok(&args);
    }
    let article = "https://w3id.org/newsgraph/id/article/flood-warning".to_owned();
    (store, article)
}

#[test]
fn the_page_works_in_a_browser() {
    let web = root().join("web");
    assert!(
        web.join("node_modules/playwright-core").is_dir(),
        "web/node_modules is missing: run scripts/setup.sh (npm ci in web/)"
    );
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    assert!(
        Path::new(&chromium).exists(),
        "no Chromium at {chromium}: run scripts/setup.sh (Debian's chromium) or set CHROMIUM"
    );
    let dir = tempfile::tempdir().unwrap();
    let (store, emoji_article) = store_for_the_page(dir.path());
    let server = serve(&store, &[]);
    let shots = root().join("target/web-screenshots");
    let run = Command::new("node")
        .current_dir(&web)
        .args([
            "tests/browser.mjs",
            &format!("http://127.0.0.1:{}", server.port),
            shots.to_str().unwrap(),
            &emoji_article,
        ])
        .env("CHROMIUM", &chromium)
        .output()
        .expect("node runs (Node 20)");
    let out = String::from_utf8_lossy(&run.stdout);
    println!("{out}{}", String::from_utf8_lossy(&run.stderr));
    assert!(run.status.success(), "browser checks failed:\n{out}");
    for view in ["search", "entity", "article", "timeline", "sparql"] {
        assert!(
            shots.join(format!("{view}.png")).is_file(),
            "no screenshot of {view}"
        );
    }
}

/// The hashes of the bundle's sources, as `scripts/web-sources.sh` prints them.
fn source_hashes() -> String {
    let out = Command::new("bash")
        .arg(root().join("scripts/web-sources.sh"))
        .output()
        .expect("bash runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_committed_bundle_is_built_from_the_sources() {
    let recorded = std::fs::read_to_string(root().join("web/dist.sha256")).unwrap();
    assert_eq!(
        source_hashes(),
        recorded,
        "web/ changed since web/dist/ was built: run scripts/build-web.sh and commit web/dist/"
    );
    // Rebuilding from those sources gives the committed bundle, byte for byte.
    let web = root().join("web");
    assert!(
        web.join("node_modules/vite").is_dir(),
        "web/node_modules is missing: run scripts/setup.sh (npm ci in web/)"
    );
    let out_dir = tempfile::tempdir().unwrap();
    let build = Command::new("npx")
        .current_dir(&web)
        .args(["vite", "build", "--logLevel", "warn", "--outDir"])
        .arg(out_dir.path())
        .output()
        .expect("npx runs (Node 20)");
    assert!(
        build.status.success(),
        "the page does not build:\n{}",
        String::from_utf8_lossy(&build.stderr)
    );
    let listing = |dir: &Path| -> Vec<(String, Vec<u8>)> {
        let mut files = Vec::new();
        let mut stack = vec![dir.to_path_buf()];
        while let Some(d) = stack.pop() {
            for entry in std::fs::read_dir(&d).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                } else {
                    let name = path.strip_prefix(dir).unwrap().display().to_string();
                    files.push((name, std::fs::read(&path).unwrap()));
                }
            }
        }
        files.sort();
        files
    };
    let (built, committed) = (listing(out_dir.path()), listing(&web.join("dist")));
    let names = |files: &[(String, Vec<u8>)]| files.iter().map(|f| f.0.clone()).collect::<Vec<_>>();
    assert_eq!(
        names(&built),
        names(&committed),
        "the bundle's files differ"
    );
    for ((name, a), (_, b)) in built.iter().zip(&committed) {
        assert!(
            a == b,
            "web/dist/{name} differs from a fresh build: run scripts/build-web.sh"
        );
    }
}
