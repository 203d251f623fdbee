//! A static-file server for dist/ on loopback, with the page's security headers.

use std::net::SocketAddr;

use axum::extract::Request;
use axum::http::{header, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use axum::Router;
use tower_http::services::ServeDir;

use crate::build::{self, dist_dir};

/// The Content-Security-Policy the page is built to run under; index.html carries the same as a meta tag.
pub const CSP: &str =
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'";

/// Who may frame a page: any site may frame the iframe route (that is its purpose); nothing else is framed
/// by other sites. A meta tag cannot carry `frame-ancestors`, so this part comes only with the header.
fn frame_ancestors(path: &str) -> &'static str {
    if path.ends_with("/embed.html") {
        "frame-ancestors *"
    } else {
        "frame-ancestors 'self'"
    }
}

pub fn build_and_serve(port: u16) -> Result<(), String> {
    build::bundle()?.print();
    let runtime = runtime()?;
    runtime.block_on(async {
        let listener = bind(port).await?;
        let addr = listener.local_addr().map_err(|e| e.to_string())?;
        println!("serving dist/ on http://{addr}/  (examples: http://{addr}/examples/handbook.html; Ctrl-C stops)");
        axum::serve(listener, app())
            .await
            .map_err(|e| format!("server stopped: {e}"))
    })
}

fn runtime() -> Result<tokio::runtime::Runtime, String> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the server runtime: {e}"))
}

async fn bind(port: u16) -> Result<tokio::net::TcpListener, String> {
    tokio::net::TcpListener::bind(("127.0.0.1", port))
        .await
        .map_err(|e| format!("cannot listen on 127.0.0.1:{port}: {e}"))
}

fn app() -> Router {
    Router::new()
        .fallback_service(ServeDir::new(dist_dir()))
        .layer(axum::middleware::from_fn(security_headers))
}

/// The page's CSP (with `frame-ancestors` by path), no MIME sniffing, and no stale bundles while developing.
async fn security_headers(request: Request, next: Next) -> Response {
    let policy = format!("{CSP}; {}", frame_ancestors(request.uri().path()));
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    if let Ok(value) = HeaderValue::from_str(&policy) {
        headers.insert(header::CONTENT_SECURITY_POLICY, value);
    }
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    response
}

/// A server on a free loopback port, for tests; dropped, it stops.
pub struct Background {
    pub addr: SocketAddr,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Background {
    pub fn start() -> Result<Background, String> {
        let (addr_tx, addr_rx) = std::sync::mpsc::channel();
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let thread = std::thread::spawn(move || {
            let Ok(runtime) = runtime() else { return };
            runtime.block_on(async move {
                let listener = match bind(0).await {
                    Ok(l) => l,
                    Err(e) => {
                        let _ = addr_tx.send(Err(e));
                        return;
                    }
                };
                let _ = addr_tx.send(listener.local_addr().map_err(|e| e.to_string()));
                let _ = axum::serve(listener, app())
                    .with_graceful_shutdown(async {
                        let _ = stopped.await;
                    })
                    .await;
            });
        });
        let addr = addr_rx
            .recv()
            .map_err(|_| "the test server did not start".to_string())??;
        Ok(Background {
            addr,
            stop: Some(stop),
            thread: Some(thread),
        })
    }
}

impl Drop for Background {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
