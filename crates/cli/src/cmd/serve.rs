//! `sitrep serve [--addr 127.0.0.1:8080] [--allow-writes --token T]`: the HTTP API and the web
//! page. Read-only unless started with `--allow-writes` and a token (then `POST /api/ingest`
//! stores articles sent with `Authorization: Bearer T`). `--basemap FILE` gives the map its
//! country outlines (a GeoJSON FeatureCollection).

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;

#[derive(clap::Args)]
pub struct Args {
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
    /// Accept writes (ingest, entity merge/split/rename). Needs --token.
    #[arg(long)]
    allow_writes: bool,
    /// Bearer token for writes (at least 16 characters).
    #[arg(long, env = "SITREP_TOKEN", hide_env_values = true)]
    token: Option<String>,
    /// Country outlines for the map: a GeoJSON FeatureCollection.
    #[arg(long)]
    basemap: Option<PathBuf>,
    /// Read-only database connections.
    #[arg(long, default_value_t = 4)]
    readers: usize,
    /// Longest a request may take, in seconds.
    #[arg(long, default_value_t = 30)]
    timeout: u64,
    /// Largest request body, in bytes.
    #[arg(long, default_value_t = 8 << 20)]
    max_body: usize,
}

pub fn run(db: &Path, args: Args) -> anyhow::Result<ExitCode> {
    let mut config = server::Config::new(db.to_path_buf(), args.addr);
    config.allow_writes = args.allow_writes;
    config.token = args.token;
    config.readers = args.readers.clamp(1, 64);
    config.timeout = Duration::from_secs(args.timeout.max(1));
    config.body_limit = args.max_body;
    if let Some(path) = &args.basemap {
        let bytes = std::fs::read(path).with_context(|| format!("{}", path.display()))?;
        let v: serde_json::Value = serde_json::from_slice(&bytes)
            .with_context(|| format!("{}: not JSON", path.display()))?;
        if v.get("type").and_then(|t| t.as_str()) != Some("FeatureCollection") {
            anyhow::bail!("{}: not a GeoJSON FeatureCollection", path.display());
        }
        config.basemap = Some(Arc::new(bytes));
    }
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    rt.block_on(async {
        let app = server::app(&config)?;
        let listener = tokio::net::TcpListener::bind(config.addr)
            .await
            .with_context(|| format!("listening on {}", config.addr))?;
        let local = listener.local_addr().unwrap_or(config.addr);
        eprintln!(
            "sitrep: serving {} on http://{local}/ ({}{})",
            db.display(),
            if config.allow_writes { "writes allowed with the token" } else { "read-only" },
            if server::has_web_bundle() { "" } else { "; built without the web page" }
        );
        axum::serve(listener, app)
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
            .context("serving")?;
        Ok::<_, anyhow::Error>(())
    })?;
    Ok(ExitCode::SUCCESS)
}
