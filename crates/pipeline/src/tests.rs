//! Pipeline tests: bad inputs are counted and reported with their source, the batch goes on,
//! and nothing already stored is lost.

use std::path::{Path, PathBuf};

use analyze::Analyzer;
use store::Store;

use crate::{ArticleOutcome, IngestOptions, IngestReport, ingest};

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).expect("write");
    p
}

fn article(title: &str, body: &str) -> String {
    format!("{title}\n\nPublished: March 3, 2024\n\n{body}\n")
}

fn run(paths: &[PathBuf], store: &mut Store) -> (IngestReport, Vec<ArticleOutcome>) {
    let analyzer = Analyzer::embedded().expect("models");
    let mut seen = Vec::new();
    let opts = IngestOptions { threads: 2, ..IngestOptions::default() };
    let report =
        ingest(paths, store, &analyzer, &opts, &mut |o| seen.push(o.clone())).expect("ingest");
    (report, seen)
}

#[test]
fn bad_inputs_are_reported_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().expect("tmp");
    let d = dir.path();
    let good = write(
        d,
        "good.txt",
        article("Talks in Geneva", "The envoys met in Geneva on Monday to discuss a ceasefire.")
            .as_bytes(),
    );
    write(d, "binary.bin", &[0u8, 159, 146, 150, 0, 1, 2, 3, 0, 0, 255, 254, 0, 7]);
    write(d, "empty.txt", b"");
    write(d, "nobody.html", b"<html><head><title>Nothing here</title></head></html>");
    let jsonl = format!(
        "{}\n{{\"id\": \"b\", \"title\": \"broken\", \"body\": \n{}\n",
        serde_json::json!({"id": "a", "title": "Strike hits port", "date": "2024-03-01", "body": "A drone strike hit the port of Odesa on Friday, officials said."}),
        serde_json::json!({"id": "c", "title": "Aid convoy arrives", "date": "2024-03-02", "body": "An aid convoy reached the city of Rafah on Saturday, the United Nations said."}),
    );
    write(d, "wire.jsonl", jsonl.as_bytes());
    let gone = d.join("vanished.txt");
    #[cfg(unix)]
    std::os::unix::fs::symlink(d.join("no-such-target.txt"), &gone).expect("symlink");

    let mut store = Store::open(&d.join("s.db")).expect("store");
    // Something stored before the batch must survive it.
    let (first, _) = run(std::slice::from_ref(&good), &mut store);
    assert_eq!(first.stored, 1);

    let (report, outcomes) = run(&[d.to_path_buf()], &mut store);
    assert_eq!(report.stored, 2, "the two good JSON Lines articles: {outcomes:#?}");
    assert_eq!(report.duplicates, 1, "good.txt again");
    assert!(report.failed >= 4, "binary, empty, bodiless HTML, broken line: {outcomes:#?}");
    for (source, reason) in &report.failures {
        assert!(
            !source.is_empty() || reason.contains(d.to_str().expect("utf8")),
            "{source}: {reason}"
        );
    }
    let failed_inputs: String = report.failures.iter().map(|(s, r)| format!("{s} {r}\n")).collect();
    for name in ["binary.bin", "empty.txt", "nobody.html", "wire.jsonl:2"] {
        assert!(failed_inputs.contains(name), "{name} not reported in:\n{failed_inputs}");
    }
    let counts = store.counts().expect("counts");
    assert_eq!(counts.documents, 3);
    store.check_integrity().expect("integrity");
}

#[test]
fn ingesting_again_adds_nothing() {
    let dir = tempfile::tempdir().expect("tmp");
    let d = dir.path();
    let a = write(
        d,
        "a.txt",
        article("Troops deployed", "Kenya deployed police officers to Haiti on Tuesday.")
            .as_bytes(),
    );
    let mut store = Store::open(&d.join("s.db")).expect("store");
    let (r1, _) = run(std::slice::from_ref(&a), &mut store);
    let c1 = store.counts().expect("counts");
    let (r2, _) = run(&[a], &mut store);
    assert_eq!((r1.stored, r2.stored, r2.duplicates), (1, 0, 1));
    assert_eq!(store.counts().expect("counts"), c1);
}
