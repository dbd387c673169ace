//! API tests: every endpoint on a temporary store filled with the hand-built fixtures, including
//! bad parameters (unknown actor, malformed dates, huge limits), refused writes, body limits,
//! path traversal outside the asset set, and that `/openapi.json` lists exactly the routes.
//!
//! `write_fixture_store` (ignored) writes the same store to `$SITREP_FIXTURE_DB` for the browser
//! tests.

use std::path::Path;

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;

const TOKEN: &str = "a-test-token-of-some-length";

fn fill(path: &Path) {
    let mut s = store::Store::open(path).expect("open");
    for (d, a) in fixtures::articles() {
        s.save(&d, &a).expect("save");
    }
}

/// A store with the fixtures plus an organisation also named "Vladimir Putin".
fn fixture_db(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("t.db");
    fill(&path);
    let mut s = store::Store::open(&path).expect("open");
    let (mut d, mut a) = fixtures::sochi_meeting();
    d.id = types::DocumentId("namesake".into());
    a.events.clear();
    a.entities.retain(|e| e.name == "Vladimir Putin");
    a.entities[0].etype = types::EntityType::Org;
    a.entities[0].key = "org:vladimir putin foundation".into();
    a.mentions.retain(|m| m.text == "Vladimir Putin");
    a.mentions[0].label = types::MentionLabel::Org;
    a.entities[0].mentions = vec![0];
    a.timexes.clear();
    s.save(&d, &a).expect("save");
    path
}

fn app(db: &Path, writes: bool) -> Router {
    let mut c = server::Config::new(db.to_path_buf(), "127.0.0.1:0".parse().expect("addr"));
    c.allow_writes = writes;
    c.token = writes.then(|| TOKEN.to_string());
    c.body_limit = 64 << 10;
    c.basemap =
        Some(std::sync::Arc::new(br#"{"type":"FeatureCollection","features":[]}"#.to_vec()));
    server::app(&c).expect("app")
}

struct Answer {
    status: StatusCode,
    content_type: String,
    body: Vec<u8>,
}

impl Answer {
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }
}

async fn call(app: &Router, method: &str, uri: &str, auth: Option<&str>, body: Vec<u8>) -> Answer {
    let mut req = Request::builder().method(method).uri(uri);
    if let Some(a) = auth {
        req = req.header(header::AUTHORIZATION, a);
    }
    let res =
        app.clone().oneshot(req.body(Body::from(body)).expect("request")).await.expect("answer");
    let status = res.status();
    let content_type = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    let body = res.into_body().collect().await.expect("body").to_bytes().to_vec();
    Answer { status, content_type, body }
}

async fn get(app: &Router, uri: &str) -> Answer {
    call(app, "GET", uri, None, vec![]).await
}

/// Checks an error answer: its status, JSON `{error, status}`, and words in the message.
fn check_error(a: &Answer, status: u16, words: &str) {
    assert_eq!(a.status.as_u16(), status, "{}", String::from_utf8_lossy(&a.body));
    assert!(a.content_type.starts_with("application/json"), "content type {:?}", a.content_type);
    let v = a.json();
    assert_eq!(v["status"], status, "{v}");
    let msg = v["error"].as_str().expect("error message");
    assert!(msg.to_lowercase().contains(&words.to_lowercase()), "{msg:?} should mention {words:?}");
}

#[tokio::test]
async fn read_endpoints_answer_their_queries() {
    let dir = tempfile::tempdir().expect("tmp");
    let app = app(&fixture_db(dir.path()), false);

    let v = get(&app, "/api/stats").await.json();
    assert_eq!(v["counts"]["documents"], 4);
    assert_eq!(v["writes"], false);

    let v = get(&app, "/api/actors?q=haftar").await.json();
    assert_eq!(v["actors"][0]["name"], "Khalifa Haftar");

    let a = get(&app, "/api/actors/Haftar").await;
    assert_eq!(a.status, StatusCode::OK);
    let d = a.json();
    assert_eq!(d["actor"]["id"], "person:khalifa haftar");
    assert_eq!(d["events"][1]["date"], "2023-09-28");
    assert_eq!(d["events"][1]["place"]["name"], "Moscow");
    assert_eq!(d["met"][0]["actor"]["name"], "Vladimir Putin");
    let by_id = get(&app, "/api/actors/person%3Akhalifa%20haftar?limit=5").await;
    assert_eq!(by_id.json()["actor"]["name"], "Khalifa Haftar");

    let g = get(&app, "/api/actors/haftar/graph?hops=2&limit=10").await.json();
    let names: Vec<&str> =
        g["nodes"].as_array().expect("nodes").iter().filter_map(|n| n["name"].as_str()).collect();
    assert!(
        names.contains(&"Vladimir Putin") && names.contains(&"Recep Tayyip Erdogan"),
        "{names:?}"
    );

    let t = get(&app, "/api/actors/haftar/timeline?by=day").await.json();
    assert_eq!(t["periods"][0]["period"], "2023-09-28");
    assert_eq!(t["periods"][0]["counts"]["CONSULT"], 1);

    let e = get(&app, "/api/events?type=consult&from=2023-09&to=2023-09-30").await.json();
    assert_eq!(e["total"], 2);
    let e = get(&app, "/api/events?actor=haftar&place=moscow").await.json();
    assert_eq!(e["events"][0]["id"], "consult:2023-09-28:haftar+putin");

    let r = get(&app, "/api/relations?actor=wagner&predicate=SUPPORTS").await.json();
    assert_eq!(r["relations"][0]["object"]["name"], "Khalifa Haftar");
    assert_eq!(
        r["relations"][0]["sources"][0]["text"],
        "has long relied on Wagner fighters for support"
    );

    let s = get(&app, "/api/search?q=Wagner%20fighters").await.json();
    assert_eq!(s["total"], 1);
    assert!(s["hits"][0]["snippet"].as_array().expect("parts").iter().any(|p| p["hit"] == true));

    let t = get(&app, "/api/timeline?by=month").await.json();
    assert_eq!(t["periods"].as_array().expect("periods").len(), 2);

    let doc_id = fixtures::moscow_meeting().0.id.0;
    let d = get(&app, &format!("/api/documents/{doc_id}")).await.json();
    assert!(d["text"].as_str().expect("text").starts_with("Libyan commander"));
    assert_eq!(d["entities"][0]["key"], "person:khalifa haftar");
    assert_eq!(d["event_ids"][0], "consult:2023-09-28:haftar+putin");

    let b = get(&app, "/api/basemap").await.json();
    assert_eq!(b["type"], "FeatureCollection");

    let o = get(&app, "/openapi.json").await.json();
    assert_eq!(o["openapi"], "3.1.0");
}

#[tokio::test]
async fn bad_requests_get_clear_json_errors() {
    let dir = tempfile::tempdir().expect("tmp");
    let app = app(&fixture_db(dir.path()), false);
    for (uri, status, words) in [
        ("/api/actors/nobody%20at%20all", 404, "no actor"),
        ("/api/actors/vladimir%20putin", 409, "ambiguous"),
        ("/api/actors/haftar?limit=100000", 400, "limit"),
        ("/api/actors/haftar?limit=0", 400, "limit"),
        ("/api/actors/haftar?limit=lots", 400, "limit"),
        ("/api/actors/haftar?limt=5", 400, "unknown parameter"),
        ("/api/actors", 400, "q"),
        ("/api/actors?q=haftar&limit=99999999999999999999999", 400, "limit"),
        ("/api/actors/haftar/graph?hops=3", 400, "hops"),
        ("/api/actors/haftar/graph?hops=300", 400, "hops"),
        ("/api/actors/nobody/graph", 404, "no actor"),
        ("/api/actors/haftar/timeline?by=year", 400, "by"),
        ("/api/events?from=2023-13-01", 400, "from"),
        ("/api/events?to=28%2F09%2F2023", 400, "to"),
        ("/api/events?from=2024&to=2023", 400, "after"),
        ("/api/events?type=PARTY", 400, "type"),
        ("/api/events?actor=nobody", 404, "no actor"),
        ("/api/events?limit=5000", 400, "limit"),
        ("/api/events?offset=-1", 400, "offset"),
        ("/api/relations?predicate=LOVES", 400, "predicate"),
        ("/api/search", 400, "q"),
        ("/api/search?q=%22%22", 400, "nothing to search"),
        ("/api/search?q=putin&limit=1001", 400, "limit"),
        ("/api/timeline?actor=nobody", 404, "no actor"),
        ("/api/documents/nope", 404, "no document"),
        ("/api/nothing", 404, "no such endpoint"),
    ] {
        let a = get(&app, uri).await;
        check_error(&a, status, words);
    }
    let a = get(&app, "/api/actors/vladimir%20putin").await;
    assert_eq!(a.json()["candidates"].as_array().map(Vec::len), Some(2));
}

#[tokio::test]
async fn writes_are_refused_unless_allowed_and_authorised() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = fixture_db(dir.path());
    let ro = app(&db, false);
    let bearer = format!("Bearer {TOKEN}");
    for path in
        ["/api/ingest", "/api/entities/merge", "/api/entities/split", "/api/entities/rename"]
    {
        check_error(
            &call(&ro, "POST", path, Some(&bearer), b"text".to_vec()).await,
            405,
            "read-only",
        );
    }
    check_error(&get(&ro, "/api/ingest").await, 405, "method not allowed");
    check_error(&call(&ro, "POST", "/api/actors", None, vec![]).await, 405, "method not allowed");
    check_error(
        &call(&ro, "DELETE", "/api/documents/x", None, vec![]).await,
        405,
        "method not allowed",
    );

    let rw = app(&db, true);
    check_error(
        &call(&rw, "POST", "/api/ingest", None, b"text".to_vec()).await,
        401,
        "authorization",
    );
    check_error(
        &call(&rw, "POST", "/api/ingest", Some("Bearer wrong-token-wrong-token"), b"t".to_vec())
            .await,
        403,
        "wrong token",
    );
    check_error(
        &call(&rw, "POST", "/api/ingest", Some(&format!("Basic {TOKEN}")), b"t".to_vec()).await,
        401,
        "bearer",
    );
    check_error(
        &call(&rw, "POST", "/api/entities/merge", Some(&bearer), vec![]).await,
        400,
        "json",
    );
    check_error(
        &call(&rw, "POST", "/api/entities/merge", Some(&bearer), br#"{"into":"x"}"#.to_vec()).await,
        400,
        "from",
    );
    check_error(
        &call(
            &rw,
            "POST",
            "/api/entities/rename",
            Some(&bearer),
            br#"{"entity":"nobody here","name":"N"}"#.to_vec(),
        )
        .await,
        400,
        "nobody here",
    );
    check_error(
        &call(
            &rw,
            "POST",
            "/api/entities/split",
            Some(&bearer),
            br#"{"entity":"wagner","alias":"x","extra":1}"#.to_vec(),
        )
        .await,
        400,
        "extra",
    );
    let a = call(
        &rw,
        "POST",
        "/api/entities/rename",
        Some(&bearer),
        br#"{"entity":"person:khalifa haftar","name":"Khalifa Belqasim Haftar","who":"test"}"#
            .to_vec(),
    )
    .await;
    assert_eq!(a.status, StatusCode::OK, "{}", String::from_utf8_lossy(&a.body));
    let renamed = get(&rw, "/api/actors/person%3Akhalifa%20haftar").await.json();
    assert_eq!(renamed["actor"]["name"], "Khalifa Belqasim Haftar");
    let a = call(
        &rw,
        "POST",
        "/api/entities/merge",
        Some(&bearer),
        br#"{"into":"org:wagner","from":"org:vladimir putin foundation"}"#.to_vec(),
    )
    .await;
    assert_eq!(a.status, StatusCode::OK, "{}", String::from_utf8_lossy(&a.body));
    assert_eq!(a.json()["into"], "org:wagner");
    let a = call(
        &rw,
        "POST",
        "/api/entities/merge",
        Some(&bearer),
        br#"{"into":"gpe:russia","from":"org:kremlin"}"#.to_vec(),
    )
    .await;
    check_error(&a, 400, "one type");
    check_error(&call(&rw, "POST", "/api/ingest", Some(&bearer), vec![]).await, 400, "empty");
    check_error(
        &call(&rw, "POST", "/api/ingest?date=tomorrow", Some(&bearer), b"x".to_vec()).await,
        400,
        "date",
    );
    check_error(
        &call(&rw, "POST", "/api/ingest", Some(&bearer), vec![b'a'; 100 << 10]).await,
        413,
        "",
    );
    // An authorised ingest is carried out: stored, or refused with the extraction's reason.
    let a = call(
        &rw,
        "POST",
        "/api/ingest?source=t.txt&date=2023-09-29",
        Some(&bearer),
        b"Ann met Bob in Paris on Monday.\n".to_vec(),
    )
    .await;
    assert!(a.content_type.starts_with("application/json"));
    match a.status.as_u16() {
        200 => assert!(
            a.json()["stored"].as_u64().unwrap_or(0)
                + a.json()["already_stored"].as_u64().unwrap_or(0)
                >= 1
        ),
        422 => assert!(a.json()["error"].as_str().unwrap_or("").contains("nothing stored")),
        s => panic!("ingest answered {s}: {}", String::from_utf8_lossy(&a.body)),
    }

    let mut c = server::Config::new(db.clone(), "127.0.0.1:0".parse().expect("addr"));
    c.allow_writes = true;
    c.token = Some("short".into());
    assert!(matches!(server::app(&c), Err(server::ServerError::NoToken)));
    c.token = None;
    assert!(matches!(server::app(&c), Err(server::ServerError::NoToken)));
}

#[tokio::test]
async fn paths_outside_the_asset_set_are_refused() {
    let dir = tempfile::tempdir().expect("tmp");
    let app = app(&fixture_db(dir.path()), false);
    let home = get(&app, "/").await;
    assert_eq!(home.status, StatusCode::OK);
    assert!(home.content_type.starts_with("text/html"));
    for uri in [
        "/../Cargo.toml",
        "/../../Cargo.toml",
        "/assets/../../../Cargo.toml",
        "/assets/..%2f..%2f..%2fCargo.toml",
        "/%2e%2e/%2e%2e/Cargo.toml",
        "/assets/%2E%2E%5C%2E%2E%5CCargo.toml",
        "/..%5c..%5cCargo.toml",
        "/etc/passwd",
        "//etc/passwd",
        "/src/main.js",
        "/web/package.json",
    ] {
        let a = get(&app, uri).await;
        assert_eq!(a.status, StatusCode::NOT_FOUND, "{uri} gave {}", a.status);
        let body = String::from_utf8_lossy(&a.body);
        assert!(!body.contains("[package]") && !body.contains("root:"), "{uri} leaked {body}");
        assert_eq!(a.json()["status"], 404);
    }
}

#[tokio::test]
async fn openapi_lists_exactly_the_routes() {
    let doc: Value = serde_json::from_str(include_str!("../src/openapi.json")).expect("json");
    let paths = doc["paths"].as_object().expect("paths");
    let mut documented: Vec<(String, String)> = paths
        .iter()
        .flat_map(|(p, ops)| {
            ops.as_object().expect("ops").keys().map(move |m| (m.clone(), p.clone()))
        })
        .collect();
    documented.sort();
    let mut routed: Vec<(String, String)> =
        server::ROUTES.iter().map(|(m, p)| (m.to_string(), p.to_string())).collect();
    routed.sort();
    assert_eq!(documented, routed);
    // Every route answers something other than "no such route".
    let dir = tempfile::tempdir().expect("tmp");
    let app = app(&fixture_db(dir.path()), false);
    for (m, p) in server::ROUTES {
        let uri = p.replace("{id}", "haftar");
        let a = call(&app, &m.to_uppercase(), &uri, None, vec![]).await;
        let unknown_route = a.status == StatusCode::NOT_FOUND
            && a.json()["error"].as_str().is_some_and(|e| e.contains("no such"));
        assert!(!unknown_route, "{m} {uri} is not routed");
    }
}

/// Writes the fixture store for the browser tests: `SITREP_FIXTURE_DB=path cargo test -p server
/// --test api -- --ignored write_fixture_store`.
#[test]
#[ignore]
fn write_fixture_store() {
    let path =
        std::env::var("SITREP_FIXTURE_DB").expect("set SITREP_FIXTURE_DB to the store to write");
    let path = Path::new(&path);
    if path.exists() {
        std::fs::remove_file(path).expect("remove the old store");
    }
    fill(path);
}
