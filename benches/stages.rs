//! Criterion benchmarks of each stage over the example article (`cargo bench`): segment,
//! analyze (on one thread, in words per second: the words of the treebanks' tokenization),
//! recognize, relate, resolve, mint, and the whole chain. The whole-corpus comparison
//! with spaCy and Oxigraph's loader is `bench/compare.sh`.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use newsgraph::analyze::{analyze, models};
use newsgraph::model::{Article, Date};
use newsgraph::recognize::recognize;
use newsgraph::relate::relate;
use newsgraph::resolve::{resolve_entities, resolve_facts};
use newsgraph::segment::Document;
use std::hint::black_box;

const BASE: &str = "https://w3id.org/newsgraph/id/";

fn stages(c: &mut Criterion) {
    let text = include_str!("../examples/wic2020.txt");
    let published = Date::parse("2020-11-23");
    let article = Article {
        id: "wic2020".into(),
        text: text.into(),
        published,
        ..Article::default()
    };
    newsgraph::lexicon::lexicons(); // loaded once, outside the measurements
    let models = models();
    let doc = Document::new(text);
    let words = analyze(&doc, models).words.len() as u64;
    let mut group = c.benchmark_group("analyze");
    group.throughput(Throughput::Elements(words));
    group.bench_function("words", |b| b.iter(|| analyze(black_box(&doc), models)));
    group.finish();

    let mut group = c.benchmark_group("stages");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("segment", |b| b.iter(|| Document::new(black_box(text))));
    let analysis = analyze(&doc, models);
    group.bench_function("recognize", |b| {
        b.iter(|| recognize(black_box(&doc), &analysis, published))
    });
    let rec = recognize(&doc, &analysis, published);
    group.bench_function("relate", |b| {
        b.iter(|| relate(black_box(&doc), &analysis, &rec))
    });
    group.bench_function("resolve", |b| {
        b.iter(|| {
            let (entities, of_mention) = resolve_entities(black_box(&rec.mentions));
            (
                entities,
                resolve_facts(relate(&doc, &analysis, &rec), &of_mention),
            )
        })
    });
    let extraction = newsgraph::extract(&article);
    group.bench_function("mint", |b| {
        b.iter(|| newsgraph::mint::mint(black_box(&extraction), BASE))
    });
    group.bench_function("all", |b| {
        b.iter(|| newsgraph::mint::mint(&newsgraph::extract(black_box(&article)), BASE))
    });
    group.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
