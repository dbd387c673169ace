//! The web page's assets, embedded at compile time from `web/dist` (built by `npm run build` in
//! `web/`). Only files of the bundle are served, looked up by exact name: a path that leaves the
//! asset set (`..`, encoded slashes, backslashes) is refused. A build without the bundle serves a
//! plain page saying how to build it; the API works either way.

use axum::body::Body;
use axum::http::{HeaderValue, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use rust_embed::RustEmbed;

use crate::ApiError;

#[derive(RustEmbed)]
#[folder = "../../web/dist"]
#[allow_missing = true]
struct Bundle;

pub fn has_bundle() -> bool {
    Bundle::get("index.html").is_some()
}

const NO_BUNDLE: &str = r#"<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>sitrep</title></head>
<body style="font-family: sans-serif; max-width: 42em; margin: 3em auto">
<h1>sitrep</h1>
<p>This sitrep was built without its web page. The HTTP API works: see
<a href="/openapi.json">/openapi.json</a>, e.g. <a href="/api/stats">/api/stats</a>.</p>
<p>To build the page, from the repository root:</p>
<pre>cd web &amp;&amp; npm ci &amp;&amp; npm run build &amp;&amp; cd ..
cargo build --release --bin sitrep</pre>
<p>The bundle in <code>web/dist</code> is embedded into the binary at compile time.</p>
</body></html>
"#;

/// Whether a request path may name a bundle file: plain segments only.
fn safe_path(path: &str) -> Option<&str> {
    let rel = path.strip_prefix('/')?;
    let lower = rel.to_ascii_lowercase();
    let bad = rel.split('/').any(|seg| seg.is_empty() || seg == "." || seg == "..")
        || rel.contains('\\')
        || lower.contains("%2e")
        || lower.contains("%2f")
        || lower.contains("%5c")
        || rel.contains('\0');
    (!bad).then_some(rel)
}

/// Serves `/` and the bundle's files; anything else is a JSON 404.
pub async fn static_file(uri: Uri) -> Response {
    let path = uri.path();
    if path == "/" || path == "/index.html" {
        return match Bundle::get("index.html") {
            Some(f) => file_response("index.html", f.data.into_owned(), false),
            None => file_response("index.html", NO_BUNDLE.as_bytes().to_vec(), false),
        };
    }
    if path.starts_with("/api/") || path == "/api" {
        return ApiError::new(
            StatusCode::NOT_FOUND,
            format!("no such endpoint: {path} (see /openapi.json)"),
        )
        .into_response();
    }
    let not_found = || ApiError::new(StatusCode::NOT_FOUND, format!("no such page: {path}"));
    let Some(rel) = safe_path(path) else {
        return ApiError::new(StatusCode::NOT_FOUND, "no such page (path leaves the asset set)")
            .into_response();
    };
    match Bundle::get(rel) {
        Some(f) => file_response(rel, f.data.into_owned(), rel.starts_with("assets/")),
        None => not_found().into_response(),
    }
}

fn file_response(name: &str, data: Vec<u8>, immutable: bool) -> Response {
    let mime = mime_guess::from_path(name).first_or_octet_stream();
    let mut res = Response::new(Body::from(data));
    if let Ok(v) = HeaderValue::from_str(mime.as_ref()) {
        res.headers_mut().insert(header::CONTENT_TYPE, v);
    }
    let cache = if immutable { "public, max-age=31536000, immutable" } else { "no-cache" };
    res.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    res.headers_mut().insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    res
}

#[cfg(test)]
mod tests {
    #[test]
    fn only_plain_paths_are_safe() {
        let check = |p: &str, ok: bool| assert_eq!(super::safe_path(p).is_some(), ok, "{p:?}");
        for (p, ok) in [
            ("/assets/index-abc.js", true),
            ("/favicon.svg", true),
            ("/../Cargo.toml", false),
            ("/assets/../../Cargo.toml", false),
            ("/assets/%2e%2e/secret", false),
            ("/assets/..%2F..%2Fetc/passwd", false),
            ("/assets\\..\\x", false),
            ("/assets//x", false),
            ("/./x", false),
            ("relative", false),
        ] {
            check(p, ok);
        }
    }
}
