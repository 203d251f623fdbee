//! A static-file server for dist/ on loopback, with the page's security headers.

use std::net::SocketAddr;
use std::path::Path;

use axum::extract::Request;
use axum::http::{header, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use axum::Router;
use tower_http::services::ServeDir;

use crate::build::{self, dist_dir};

/// The Content-Security-Policy the pages are built to run under, sent as a header (with `frame-ancestors`,
/// which a meta tag cannot carry); index.html, embed.html and the pre-rendered pages carry the same string.
pub use paygrade_core::view::CSP;

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
    app_for(&dist_dir())
}

/// Serves `dir`, sending a file's `.br` or `.gz` copy (written by the build) when the request's
/// `Accept-Encoding` takes it, with the original's Content-Type.
pub fn app_for(dir: &Path) -> Router {
    let files = ServeDir::new(dir).precompressed_br().precompressed_gzip();
    Router::new()
        .fallback_service(files)
        .layer(axum::middleware::from_fn(security_headers))
}

/// The page's CSP (with `frame-ancestors` by path), no MIME sniffing, no stale bundles while developing, and
/// `Vary: Accept-Encoding`, since the same address may answer with brotli, gzip or plain bytes.
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
    headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
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

#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::Body;
    use tower::ServiceExt;

    /// A folder with one page and one wasm file, compressed as the build does it.
    fn site(name: &str) -> std::path::PathBuf {
        let dir =
            std::env::temp_dir().join(format!("paygrade-serve-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let _ = std::fs::create_dir_all(dir.join("pkg"));
        let _ = std::fs::write(
            dir.join("index.html"),
            "<!doctype html><p>paygrade</p>".repeat(50),
        );
        let _ = std::fs::write(dir.join("pkg/app.wasm"), b"\0asm\x01\0\0\0".repeat(200));
        for file in ["index.html", "pkg/app.wasm"] {
            precompress(&dir.join(file));
        }
        dir
    }

    /// The `.br` and `.gz` copies `paygrade site` writes (its own tests check how; these only need them).
    fn precompress(file: &Path) {
        use std::io::Write;
        let Ok(bytes) = std::fs::read(file) else {
            panic!("cannot read {}", file.display());
        };
        let mut brotli = Vec::new();
        {
            let mut writer = brotli::CompressorWriter::new(&mut brotli, 4096, 11, 22);
            assert!(writer.write_all(&bytes).is_ok());
        }
        let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        assert!(gzip.write_all(&bytes).is_ok());
        let gzip = gzip.finish().unwrap_or_default();
        for (ending, bytes) in [("br", brotli), ("gz", gzip)] {
            assert!(std::fs::write(crate::build::beside(file, ending), bytes).is_ok());
        }
    }

    async fn get(dir: &Path, path: &str, accept: Option<&str>) -> Response {
        let mut request = Request::builder().uri(path);
        if let Some(accept) = accept {
            request = request.header(header::ACCEPT_ENCODING, accept);
        }
        let Ok(request) = request.body(Body::empty()) else {
            panic!("bad test request");
        };
        match app_for(dir).oneshot(request).await {
            Ok(response) => response,
            Err(never) => match never {},
        }
    }

    fn header_of(response: &Response, name: header::HeaderName) -> String {
        response
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string()
    }

    #[tokio::test(flavor = "current_thread")]
    async fn serves_brotli_then_gzip_then_plain_by_accept_encoding_with_vary() {
        let dir = site("encodings");
        let cases = [
            (Some("gzip, deflate, br"), "br"),
            (Some("gzip"), "gzip"),
            (None, ""),
        ];
        for (path, mime) in [
            ("/pkg/app.wasm", "application/wasm"),
            ("/index.html", "text/html"),
        ] {
            for (accept, encoding) in cases {
                let response = get(&dir, path, accept).await;
                assert_eq!(response.status(), 200, "{path} {accept:?}");
                assert_eq!(
                    header_of(&response, header::CONTENT_ENCODING),
                    encoding,
                    "{path} {accept:?}"
                );
                assert!(
                    header_of(&response, header::CONTENT_TYPE).starts_with(mime),
                    "{path}"
                );
                assert_eq!(
                    header_of(&response, header::VARY),
                    "accept-encoding",
                    "{path}"
                );
                let body = axum::body::to_bytes(response.into_body(), usize::MAX).await;
                let on_disk = match encoding {
                    "br" => format!("{path}.br"),
                    "gzip" => format!("{path}.gz"),
                    _ => path.to_string(),
                };
                let expected =
                    std::fs::read(dir.join(on_disk.trim_start_matches('/'))).unwrap_or_default();
                assert_eq!(
                    body.map(|b| b.to_vec()).unwrap_or_default(),
                    expected,
                    "{path} {accept:?}"
                );
            }
        }
        let _ = std::fs::remove_dir_all(&dir);
    }

    /// One policy everywhere: the header this server sends starts with the same string the repository's
    /// pages carry as a meta tag (the pre-rendered pages are checked in site/tests/prerender.rs).
    #[tokio::test(flavor = "current_thread")]
    async fn the_served_csp_is_the_one_the_pages_carry() {
        let dir = site("csp");
        let response = get(&dir, "/index.html", None).await;
        let served = header_of(&response, header::CONTENT_SECURITY_POLICY);
        assert!(
            served.starts_with(&format!("{CSP}; frame-ancestors")),
            "{served}"
        );
        let meta = format!("<meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">");
        for page in ["index.html", "embed.html"] {
            let text = std::fs::read_to_string(crate::root().join(page)).unwrap_or_default();
            assert!(text.contains(&meta), "{page} does not carry the CSP {CSP}");
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
}
