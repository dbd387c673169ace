//! The HTTP API and the web page: the only crate that speaks HTTP.
//!
//! `sitrep serve` runs [`serve`]: JSON endpoints for every store query (described in
//! `/openapi.json`), the web page's assets (embedded at compile time from `web/dist`), and, only
//! when started with `--allow-writes` and a token, the write endpoints. Every error is JSON
//! `{"error", "status"}` with a status that means something (400 bad parameter, 404 unknown actor
//! or document, 409 ambiguous name, 405 writes disabled, 401/403 missing or wrong token, 408 too
//! slow, 413 body too large).
//!
//! SQLite is used from async code through a small pool of read-only connections, each query on
//! tokio's blocking threads.

mod api;
mod assets;
mod error;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use store::Store;
use tokio::sync::Semaphore;

pub use api::ROUTES;
pub use error::ApiError;

/// How to serve.
#[derive(Debug, Clone)]
pub struct Config {
    pub db: PathBuf,
    pub addr: SocketAddr,
    /// Accept writes (ingest, entity corrections); they also need `token`.
    pub allow_writes: bool,
    /// The bearer token writes must carry.
    pub token: Option<String>,
    /// Country outlines for the map (a GeoJSON FeatureCollection).
    pub basemap: Option<Arc<Vec<u8>>>,
    /// Read-only SQLite connections.
    pub readers: usize,
    /// Longest time a request may take.
    pub timeout: Duration,
    /// Largest request body, in bytes.
    pub body_limit: usize,
}

impl Config {
    pub fn new(db: PathBuf, addr: SocketAddr) -> Config {
        Config {
            db,
            addr,
            allow_writes: false,
            token: None,
            basemap: None,
            readers: 4,
            timeout: Duration::from_secs(30),
            body_limit: 8 << 20,
        }
    }
}

/// Why the server could not start or stopped.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    #[error(transparent)]
    Store(#[from] store::StoreError),
    #[error("{addr}: {source}")]
    Bind {
        addr: SocketAddr,
        #[source]
        source: std::io::Error,
    },
    #[error("--allow-writes needs a token (--token or SITREP_TOKEN) of at least 16 characters")]
    NoToken,
    #[error("loading the analysis models for ingest: {0}")]
    Models(String),
    #[error("serving: {0}")]
    Io(#[from] std::io::Error),
}

/// Read-only stores, lent to one blocking task at a time.
pub(crate) struct Pool {
    path: PathBuf,
    stores: Mutex<Vec<Store>>,
    permits: Semaphore,
}

impl Pool {
    fn open(path: PathBuf, n: usize) -> Result<Pool, store::StoreError> {
        let n = n.max(1);
        let stores = (0..n).map(|_| Store::open_read_only(&path)).collect::<Result<Vec<_>, _>>()?;
        Ok(Pool { path, stores: Mutex::new(stores), permits: Semaphore::new(n) })
    }

    /// Runs `f` with a store on a blocking thread.
    pub(crate) async fn run<T: Send + 'static>(
        self: &Arc<Self>,
        f: impl FnOnce(&Store) -> T + Send + 'static,
    ) -> Result<T, ApiError> {
        let _permit =
            self.permits.acquire().await.map_err(|_| ApiError::internal("pool closed"))?;
        let taken = self.stores.lock().map_err(|_| ApiError::internal("pool poisoned"))?.pop();
        let pool = Arc::clone(self);
        let (store, out) = tokio::task::spawn_blocking(move || {
            let store = match taken {
                Some(s) => s,
                // A store lost to a panicking query is replaced.
                None => Store::open_read_only(&pool.path).map_err(ApiError::from)?,
            };
            let out = f(&store);
            Ok::<_, ApiError>((store, out))
        })
        .await
        .map_err(|e| ApiError::internal(&format!("query task failed: {e}")))??;
        if let Ok(mut v) = self.stores.lock() {
            v.push(store);
        }
        Ok(out)
    }
}

/// The writer: a read-write store and the analyzer, behind one lock (one writer at a time).
pub(crate) struct Writer {
    pub(crate) store: Mutex<Store>,
    pub(crate) analyzer: analyze::Analyzer,
}

pub(crate) struct State {
    pub(crate) pool: Arc<Pool>,
    pub(crate) allow_writes: bool,
    pub(crate) token: Option<String>,
    pub(crate) basemap: Option<Arc<Vec<u8>>>,
    pub(crate) writer: Option<Arc<Writer>>,
}

/// The application: routes, limits and error normalisation. Opens the store read-only (and,
/// with writes allowed, once more for writing, with the analysis models loaded).
pub fn app(config: &Config) -> Result<Router, ServerError> {
    let writer = if config.allow_writes {
        match &config.token {
            Some(t) if t.chars().count() >= 16 => {}
            _ => return Err(ServerError::NoToken),
        }
        let store = Store::open(&config.db)?;
        let analyzer =
            analyze::Analyzer::embedded().map_err(|e| ServerError::Models(e.to_string()))?;
        Some(Arc::new(Writer { store: Mutex::new(store), analyzer }))
    } else {
        None
    };
    let pool = Arc::new(Pool::open(config.db.clone(), config.readers)?);
    let state = Arc::new(State {
        pool,
        allow_writes: config.allow_writes,
        token: config.token.clone(),
        basemap: config.basemap.clone(),
        writer,
    });
    Ok(api::router(state, config.timeout, config.body_limit))
}

/// Serves until Ctrl-C. Prints nothing; the caller says where it listens.
pub async fn serve(config: Config) -> Result<(), ServerError> {
    let app = app(&config)?;
    let listener = tokio::net::TcpListener::bind(config.addr)
        .await
        .map_err(|source| ServerError::Bind { addr: config.addr, source })?;
    axum::serve(listener, app)
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await?;
    Ok(())
}

/// True when the web bundle was embedded at compile time.
pub fn has_web_bundle() -> bool {
    assets::has_bundle()
}
