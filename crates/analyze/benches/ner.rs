//! Benchmark: segmentation + entity recognition over a committed, team-written news text
//! (`data/news.txt`), reported per word. It checks what it measures: the mentions must include
//! a few that any working model finds, and every run must find the same mentions.

use std::hint::black_box;

use analyze::ner::Recognizer;
use analyze::text::segment;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use types::MentionLabel;

const TEXT: &str = include_str!("data/news.txt");

fn bench(c: &mut Criterion) {
    let rec = Recognizer::embedded().expect("the embedded model loads");
    let seg = segment(TEXT, &[]);
    let expected = rec.recognize(TEXT, &seg);
    for (text, label) in [
        ("Emmanuel Macron", MentionLabel::Person),
        ("Berlin", MentionLabel::Gpe),
        ("European Commission", MentionLabel::Org),
        ("Bank of England", MentionLabel::Org),
    ] {
        assert!(
            expected.iter().any(|m| m.text == text && m.label == label),
            "{text} not found as {label:?}"
        );
    }
    let words = TEXT.split_whitespace().count() as u64;
    let mut g = c.benchmark_group("ner");
    g.throughput(Throughput::Elements(words));
    g.bench_function("segment_and_recognize", |b| {
        b.iter(|| {
            let text = black_box(TEXT);
            let seg = segment(text, &[]);
            let found = rec.recognize(text, &seg);
            assert_eq!(found.len(), expected.len());
            found
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
