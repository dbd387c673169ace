//! End-to-end tests of the `sitrep` binary: resumable ingestion after `kill -9`, exit codes,
//! and the README's first command.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn sitrep() -> Command {
    Command::new(env!("CARGO_BIN_EXE_sitrep"))
}

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A JSON Lines corpus of `n` distinct short articles.
fn corpus(path: &Path, n: usize) {
    let mut s = String::new();
    let places = ["Geneva", "Nairobi", "Ankara", "Lima", "Hanoi", "Oslo", "Accra", "Quito"];
    for i in 0..n {
        let p = places[i % places.len()];
        let body = format!(
            "Delegations from both sides met in {p} on Tuesday for a {i}th round of talks, officials said. \
             The negotiators discussed a prisoner exchange and the reopening of a border crossing. \
             A spokesman said a further meeting would be held next month if the ceasefire holds."
        );
        let rec = serde_json::json!({"id": format!("t{i}"), "title": format!("Talks resume in {p} ({i})"),
            "date": "2024-05-07", "body": body});
        s.push_str(&rec.to_string());
        s.push('\n');
    }
    std::fs::write(path, s).expect("write corpus");
}

fn stats(db: &Path) -> serde_json::Value {
    let out = sitrep().arg("--db").arg(db).args(["stats", "--json"]).output().expect("stats");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("json")
}

fn documents(db: &Path) -> u64 {
    // The store may be mid-write; a reader sees the last committed article.
    store::Store::open_read_only(db).and_then(|s| s.counts()).map(|c| c.documents).unwrap_or(0)
}

#[test]
fn an_ingest_killed_half_way_resumes_to_the_same_store() {
    let dir = tempfile::tempdir().expect("tmp");
    let input = dir.path().join("corpus.jsonl");
    let total = 4000;
    corpus(&input, total);

    let whole = dir.path().join("whole.db");
    let st =
        sitrep().arg("--db").arg(&whole).arg("ingest").arg(&input).stdout(Stdio::null()).status();
    assert!(st.expect("run").success());

    let resumed = dir.path().join("resumed.db");
    let mut child = sitrep()
        .arg("--db")
        .arg(&resumed)
        .args(["ingest", "--threads", "1"])
        .arg(&input)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    let deadline = Instant::now() + Duration::from_secs(120);
    let mut killed_at = 0;
    while Instant::now() < deadline {
        let n = documents(&resumed);
        if n >= 50 {
            child.kill().expect("kill -9");
            killed_at = n;
            break;
        }
        if child.try_wait().expect("wait").is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    let _ = child.wait();
    assert!(killed_at > 0 && (killed_at as usize) < total, "killed at {killed_at} of {total}");
    let after_kill = documents(&resumed);
    assert!((after_kill as usize) < total, "the run was not interrupted: {after_kill}");

    let out = sitrep()
        .arg("--db")
        .arg(&resumed)
        .args(["ingest", "--json"])
        .arg(&input)
        .output()
        .expect("resume");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let summary: serde_json::Value = serde_json::from_slice(
        out.stdout.split(|&b| b == b'\n').find(|l| !l.is_empty()).expect("line"),
    )
    .expect("json");
    assert_eq!(summary["already_stored"].as_u64(), Some(after_kill), "{summary}");
    assert_eq!(stats(&resumed), stats(&whole));
    store::Store::open_read_only(&resumed).expect("open").check_integrity().expect("integrity");
}

#[test]
fn exit_status_says_whether_any_article_failed() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("s.db");
    let bad = dir.path().join("bad.bin");
    std::fs::write(&bad, [0u8, 1, 2, 0, 0, 0, 255]).expect("write");
    let out = sitrep().arg("--db").arg(&db).arg("ingest").arg(&bad).output().expect("run");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.bin"), "{err}");

    let missing = dir.path().join("missing");
    let out = sitrep().arg("--db").arg(&db).arg("ingest").arg(&missing).output().expect("run");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing"));

    let out = sitrep().args(["ingest"]).output().expect("run");
    assert_eq!(out.status.code(), Some(2), "usage error");
}

#[test]
fn the_readme_command_ingests_the_examples() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("example.db");
    let out = sitrep()
        .arg("--db")
        .arg(&db)
        .arg("ingest")
        .arg(repo_root().join("examples/articles"))
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let s = stats(&db);
    assert_eq!(s["documents"].as_u64(), Some(6), "{s}");
}

#[test]
fn extract_is_a_filter() {
    let mut child = sitrep()
        .args(["extract", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn");
    let line = serde_json::json!({"id": "x1", "title": "Ceasefire agreed", "date": "2024-01-02",
        "body": "The two sides agreed a ceasefire on Monday."});
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().expect("stdin");
        writeln!(stdin, "{line}").expect("write");
        writeln!(stdin, "{line}").expect("write");
    }
    let out = child.wait_with_output().expect("wait");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("utf8");
    let recs: Vec<types::ArticleRecord> =
        text.lines().map(|l| serde_json::from_str(l).expect("record")).collect();
    assert_eq!(recs.len(), 2);
    assert_eq!(recs[0].document.title.as_deref(), Some("Ceasefire agreed"));
    assert_eq!(recs[0].document.published.map(|p| p.to_string()).as_deref(), Some("2024-01-02"));
    for r in &recs {
        for s in &r.analysis.sentences {
            assert!(r.document.text.get(s.span.start..s.span.end).is_some());
        }
    }
}
