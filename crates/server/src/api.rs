//! The JSON endpoints (each answers one store query), the write endpoints behind
//! `--allow-writes` and a bearer token, `/openapi.json`, and the limits every request runs under.

use std::collections::HashMap;
use std::io::Cursor;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Path, Query, State as AxState};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde::Serialize;
use store::{Bucket, EventFilter};
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::TimeoutLayer;

use crate::error::json_errors;
use crate::{ApiError, State};

type St = AxState<Arc<State>>;
type Params = Query<HashMap<String, String>>;

/// Every route: (method, path as in `/openapi.json`).
pub const ROUTES: &[(&str, &str)] = &[
    ("get", "/api/stats"),
    ("get", "/api/actors"),
    ("get", "/api/actors/{id}"),
    ("get", "/api/actors/{id}/graph"),
    ("get", "/api/actors/{id}/timeline"),
    ("get", "/api/events"),
    ("get", "/api/relations"),
    ("get", "/api/search"),
    ("get", "/api/timeline"),
    ("get", "/api/documents/{id}"),
    ("get", "/api/basemap"),
    ("post", "/api/ingest"),
    ("post", "/api/entities/merge"),
    ("post", "/api/entities/split"),
    ("post", "/api/entities/rename"),
    ("get", "/openapi.json"),
];

const OPENAPI: &str = include_str!("openapi.json");

pub fn router(state: Arc<State>, timeout: Duration, body_limit: usize) -> Router {
    Router::new()
        .route("/api/stats", get(stats))
        .route("/api/actors", get(actors))
        .route("/api/actors/{id}", get(actor))
        .route("/api/actors/{id}/graph", get(actor_graph))
        .route("/api/actors/{id}/timeline", get(actor_timeline))
        .route("/api/events", get(events))
        .route("/api/relations", get(relations))
        .route("/api/search", get(search))
        .route("/api/timeline", get(timeline))
        .route("/api/documents/{id}", get(document))
        .route("/api/basemap", get(basemap))
        .route("/api/ingest", post(ingest))
        .route("/api/entities/merge", post(merge))
        .route("/api/entities/split", post(split))
        .route("/api/entities/rename", post(rename))
        .route("/openapi.json", get(openapi))
        .fallback(crate::assets::static_file)
        .with_state(state)
        .layer(DefaultBodyLimit::max(body_limit))
        .layer(RequestBodyLimitLayer::new(body_limit))
        .layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, timeout))
        .layer(axum::middleware::map_response(json_errors))
}

fn json<T: Serialize>(v: &T) -> Response {
    axum::Json(v).into_response()
}

/// Refuses parameters the endpoint does not take (a typo should not pass silently).
fn only(q: &HashMap<String, String>, allowed: &[&str]) -> Result<(), ApiError> {
    let mut unknown: Vec<&str> =
        q.keys().map(String::as_str).filter(|k| !allowed.contains(k)).collect();
    unknown.sort_unstable();
    match unknown.first() {
        None => Ok(()),
        Some(k) => Err(ApiError::bad(format!(
            "unknown parameter {k:?}; this endpoint takes: {}",
            if allowed.is_empty() { "none".to_string() } else { allowed.join(", ") }
        ))),
    }
}

fn number(q: &HashMap<String, String>, name: &str, default: usize) -> Result<usize, ApiError> {
    match q.get(name) {
        None => Ok(default),
        Some(v) => v.trim().parse::<usize>().map_err(|_| {
            ApiError::bad(format!("{name}: {v:?} is not a non-negative whole number"))
        }),
    }
}

fn text(q: &HashMap<String, String>, name: &str) -> Option<String> {
    q.get(name).map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

async fn stats(AxState(st): St, Query(q): Params) -> Result<Response, ApiError> {
    only(&q, &[])?;
    let allow_writes = st.allow_writes;
    let counts = st.pool.run(|s| s.counts()).await??;
    Ok(json(&serde_json::json!({
        "counts": counts,
        "writes": allow_writes,
        "web_bundle": crate::has_web_bundle(),
        "basemap": st.basemap.is_some(),
    })))
}

async fn actors(AxState(st): St, Query(q): Params) -> Result<Response, ApiError> {
    only(&q, &["q", "limit"])?;
    let text = text(&q, "q").ok_or_else(|| ApiError::bad("q: give the text to look for"))?;
    let limit = number(&q, "limit", 20)?;
    let found = st.pool.run(move |s| s.search_actors(&text, limit)).await??;
    Ok(json(&serde_json::json!({ "actors": found })))
}

async fn actor(
    AxState(st): St,
    Path(id): Path<String>,
    Query(q): Params,
) -> Result<Response, ApiError> {
    only(&q, &["limit"])?;
    let limit = number(&q, "limit", 50)?;
    let d = st.pool.run(move |s| s.dossier(&id, limit)).await??;
    Ok(json(&d))
}

async fn actor_graph(
    AxState(st): St,
    Path(id): Path<String>,
    Query(q): Params,
) -> Result<Response, ApiError> {
    only(&q, &["hops", "limit"])?;
    let hops = number(&q, "hops", 2)?;
    let hops = u8::try_from(hops)
        .map_err(|_| ApiError::bad(format!("hops: must be 1 or 2, got {hops}")))?;
    let limit = number(&q, "limit", 25)?;
    let g = st.pool.run(move |s| s.ego_graph(&id, hops, limit)).await??;
    Ok(json(&g))
}

async fn actor_timeline(
    AxState(st): St,
    Path(id): Path<String>,
    Query(q): Params,
) -> Result<Response, ApiError> {
    only(&q, &["by"])?;
    let by = Bucket::parse(q.get("by").map_or("month", String::as_str))?;
    let t = st.pool.run(move |s| s.timeline(Some(&id), by)).await??;
    Ok(json(&t))
}

async fn events(AxState(st): St, Query(q): Params) -> Result<Response, ApiError> {
    only(&q, &["actor", "type", "place", "from", "to", "limit", "offset"])?;
    let f = EventFilter {
        actor: text(&q, "actor"),
        category: text(&q, "type"),
        place: text(&q, "place"),
        from: q.get("from").cloned(),
        to: q.get("to").cloned(),
        limit: number(&q, "limit", 100)?,
        offset: number(&q, "offset", 0)?,
    };
    let page = st.pool.run(move |s| s.events(&f)).await??;
    Ok(json(&page))
}

async fn relations(AxState(st): St, Query(q): Params) -> Result<Response, ApiError> {
    only(&q, &["actor", "predicate", "limit", "offset"])?;
    let (actor, predicate) = (text(&q, "actor"), text(&q, "predicate"));
    let (limit, offset) = (number(&q, "limit", 100)?, number(&q, "offset", 0)?);
    let page = st
        .pool
        .run(move |s| s.relations(actor.as_deref(), predicate.as_deref(), limit, offset))
        .await??;
    Ok(json(&page))
}

async fn search(AxState(st): St, Query(q): Params) -> Result<Response, ApiError> {
    only(&q, &["q", "limit"])?;
    let text = text(&q, "q").ok_or_else(|| ApiError::bad("q: give the words to search for"))?;
    let limit = number(&q, "limit", 20)?;
    let r = st.pool.run(move |s| s.search(&text, limit)).await??;
    Ok(json(&r))
}

async fn timeline(AxState(st): St, Query(q): Params) -> Result<Response, ApiError> {
    only(&q, &["actor", "by"])?;
    let by = Bucket::parse(q.get("by").map_or("month", String::as_str))?;
    let actor = text(&q, "actor");
    let t = st.pool.run(move |s| s.timeline(actor.as_deref(), by)).await??;
    Ok(json(&t))
}

async fn document(
    AxState(st): St,
    Path(id): Path<String>,
    Query(q): Params,
) -> Result<Response, ApiError> {
    only(&q, &[])?;
    let d = st.pool.run(move |s| s.document(&id)).await??;
    Ok(json(&d))
}

async fn basemap(AxState(st): St, Query(q): Params) -> Result<Response, ApiError> {
    only(&q, &[])?;
    let body = match &st.basemap {
        Some(b) => b.as_ref().clone(),
        None => br#"{"type":"FeatureCollection","features":[],"note":"no country outlines were given to this server"}"#.to_vec(),
    };
    let mut res = Response::new(axum::body::Body::from(body));
    res.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=3600"));
    Ok(res)
}

async fn openapi() -> Response {
    let mut res = Response::new(axum::body::Body::from(OPENAPI));
    res.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    res
}

/// Writes need `--allow-writes` (else 405) and `Authorization: Bearer TOKEN` (401 without, 403
/// when wrong).
fn authorize(st: &State, headers: &HeaderMap) -> Result<(), ApiError> {
    if !st.allow_writes {
        return Err(ApiError::new(
            StatusCode::METHOD_NOT_ALLOWED,
            "this server is read-only; start it with `sitrep serve --allow-writes --token TOKEN` to accept writes",
        ));
    }
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim);
    let Some(given) = given else {
        return Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            "writes need the header `Authorization: Bearer TOKEN`",
        ));
    };
    let expected = st.token.as_deref().unwrap_or("");
    if expected.is_empty() || !same(given.as_bytes(), expected.as_bytes()) {
        return Err(ApiError::new(StatusCode::FORBIDDEN, "wrong token"));
    }
    Ok(())
}

/// Compares without stopping at the first difference.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// What an ingest request did.
#[derive(Debug, Default, Serialize)]
struct IngestAnswer {
    stored: u64,
    already_stored: u64,
    skipped: u64,
    failed: u64,
    documents: Vec<String>,
    problems: Vec<String>,
}

async fn ingest(
    AxState(st): St,
    headers: HeaderMap,
    Query(q): Params,
    body: Bytes,
) -> Result<Response, ApiError> {
    authorize(&st, &headers)?;
    only(&q, &["source", "date"])?;
    let source = text(&q, "source").unwrap_or_else(|| "api".to_string());
    let date = match text(&q, "date") {
        None => None,
        Some(d) => Some(types::PublicationDate::parse_iso(&d).ok_or_else(|| {
            ApiError::bad(format!("date: {d:?} is not YYYY-MM-DD or YYYY-MM-DDTHH:MM"))
        })?),
    };
    if body.is_empty() {
        return Err(ApiError::bad(
            "the body is empty: send the article (text, HTML or JSON Lines)",
        ));
    }
    let writer = st.writer.clone().ok_or_else(|| ApiError::internal("no writer"))?;
    let answer = tokio::task::spawn_blocking(move || -> Result<IngestAnswer, ApiError> {
        let opts = extract::Options { date, ..extract::Options::default() };
        let items = extract::from_reader(Box::new(Cursor::new(body.to_vec())), &source, &opts);
        let mut a = IngestAnswer::default();
        let mut store = writer.store.lock().map_err(|_| ApiError::internal("writer poisoned"))?;
        for item in items {
            match item {
                Err(e) => {
                    a.failed += 1;
                    a.problems.push(e.to_string());
                }
                Ok(extract::Outcome::Skipped { source, reason }) => {
                    a.skipped += 1;
                    a.problems.push(format!("{source}: skipped: {reason}"));
                }
                Ok(extract::Outcome::Article(doc)) => {
                    match pipeline::analyze_document(&writer.analyzer, &doc, false) {
                        Err(reason) => {
                            a.failed += 1;
                            a.problems.push(format!("{}: {reason}", doc.source));
                        }
                        Ok(analysis) => match store.save(&doc, &analysis)? {
                            store::Saved::Inserted => {
                                a.stored += 1;
                                a.documents.push(doc.id.0.clone());
                            }
                            store::Saved::AlreadyPresent => {
                                a.already_stored += 1;
                                a.documents.push(doc.id.0.clone());
                            }
                        },
                    }
                }
            }
        }
        Ok(a)
    })
    .await
    .map_err(|e| ApiError::internal(&format!("ingest task failed: {e}")))??;
    if answer.stored + answer.already_stored == 0 {
        let why = if answer.problems.is_empty() {
            "no article found in the body".to_string()
        } else {
            answer.problems.join("; ")
        };
        return Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            format!("nothing stored: {why}"),
        ));
    }
    Ok(json(&answer))
}

/// A correction's body: `{"into", "from"}` (merge), `{"entity", "alias"}` (split) or
/// `{"entity", "name"}` (rename); `who` is recorded with it (default `api`). Entities are ids, or
/// names only one entity has.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct CorrectionBody {
    into: Option<String>,
    from: Option<String>,
    entity: Option<String>,
    alias: Option<String>,
    name: Option<String>,
    who: Option<String>,
}

fn body_field(v: &Option<String>, name: &str) -> Result<String, ApiError> {
    v.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .ok_or_else(|| ApiError::bad(format!("the body needs a non-empty {name:?}")))
}

#[derive(Debug, Clone, Copy)]
enum Correction {
    Merge,
    Split,
    Rename,
}

/// Runs a correction on the writer's store: authorisation first (405/401/403), then the body
/// (400 when malformed or missing a field), then the store (400 with its reason for a bad
/// reference, e.g. an unknown or ambiguous entity).
async fn correct(
    st: Arc<State>,
    headers: HeaderMap,
    body: Bytes,
    kind: Correction,
) -> Result<Response, ApiError> {
    authorize(&st, &headers)?;
    let b: CorrectionBody = serde_json::from_slice(&body)
        .map_err(|e| ApiError::bad(format!("the body is not the expected JSON object: {e}")))?;
    let (x, y) = match kind {
        Correction::Merge => (body_field(&b.into, "into")?, body_field(&b.from, "from")?),
        Correction::Split => (body_field(&b.entity, "entity")?, body_field(&b.alias, "alias")?),
        Correction::Rename => (body_field(&b.entity, "entity")?, body_field(&b.name, "name")?),
    };
    let who = b.who.clone().unwrap_or_else(|| "api".to_string());
    let writer = st.writer.clone().ok_or_else(|| ApiError::internal("no writer"))?;
    let out = tokio::task::spawn_blocking(move || {
        let mut s = writer.store.lock().map_err(|_| ApiError::internal("writer poisoned"))?;
        let run = |s: &mut store::Store| -> Result<serde_json::Value, store::StoreError> {
            let a = s.find_entity(&x)?;
            Ok(match kind {
                Correction::Merge => {
                    let from = s.find_entity(&y)?;
                    s.merge_entities(&a, &from, &who)?;
                    serde_json::json!({"merged": from, "into": a})
                }
                Correction::Split => {
                    let new = s.split_entity(&a, &y, &who)?;
                    serde_json::json!({"entity": a, "split_off": y, "new_entity": new})
                }
                Correction::Rename => {
                    s.rename_entity(&a, &y, &who)?;
                    serde_json::json!({"entity": a, "name": y})
                }
            })
        };
        run(&mut s).map_err(|e| match e {
            store::StoreError::Invalid { reason, .. } => ApiError::bad(reason),
            other => ApiError::from(other),
        })
    })
    .await
    .map_err(|e| ApiError::internal(&format!("correction task failed: {e}")))??;
    Ok(json(&out))
}

async fn merge(AxState(st): St, headers: HeaderMap, body: Bytes) -> Result<Response, ApiError> {
    correct(st, headers, body, Correction::Merge).await
}

async fn split(AxState(st): St, headers: HeaderMap, body: Bytes) -> Result<Response, ApiError> {
    correct(st, headers, body, Correction::Split).await
}

async fn rename(AxState(st): St, headers: HeaderMap, body: Bytes) -> Result<Response, ApiError> {
    correct(st, headers, body, Correction::Rename).await
}
