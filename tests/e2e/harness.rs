//! Reusable end-to-end harness: serve the built `dist/` on a loopback port,
//! drive headless Chromium through chromedriver, and read the page's readout
//! (`data-metric` / `data-value`) and notices (`data-notice`).
//!
//! Every end-to-end case (tests/e2e/*.rs, gathered by suite.rs) builds on
//! `Session::open`; `make test-e2e` builds `dist/` once before the suite runs.

use std::collections::HashMap;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};

/// The calculator's checkout (this package lives in its tests/e2e).
pub fn project_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The built static site. `make test-e2e` builds it first.
pub fn dist_dir() -> PathBuf {
    let dir = project_root().join("dist");
    assert!(
        dir.join("index.html").exists(),
        "dist/index.html is missing: run `make dist` (or `make test-e2e`, which builds it)"
    );
    dir
}

/// A static file server for `dist/` on 127.0.0.1, mounted under a path prefix
/// (e.g. "/" or "/tools/optics/") so sub-path hosting is tested as deployed.
pub struct StaticServer {
    pub origin: String,
    prefix: String,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
    /// Every path requested, in order (to check that nothing unexpected is fetched).
    pub requests: Arc<Mutex<Vec<String>>>,
}

impl StaticServer {
    pub fn start(root: PathBuf, prefix: &str) -> Self {
        let server = tiny_http::Server::http("127.0.0.1:0").expect("bind a loopback port");
        let port = server.server_addr().to_ip().expect("ip address").port();
        let stop = Arc::new(AtomicBool::new(false));
        let requests = Arc::new(Mutex::new(Vec::new()));
        let prefix = prefix.to_string();
        let thread = {
            let (stop, requests, prefix) = (stop.clone(), requests.clone(), prefix.clone());
            std::thread::spawn(move || {
                while !stop.load(Ordering::Relaxed) {
                    let Ok(Some(request)) = server.recv_timeout(Duration::from_millis(50)) else {
                        continue;
                    };
                    let url = request.url().to_string();
                    requests.lock().unwrap().push(url.clone());
                    let response = respond(&root, &prefix, &url);
                    let _ = request.respond(response);
                }
            })
        };
        StaticServer {
            origin: format!("http://127.0.0.1:{port}"),
            prefix,
            stop,
            thread: Some(thread),
            requests,
        }
    }

    /// The page URL under the mount prefix, with an optional query string.
    pub fn url(&self, path_and_query: &str) -> String {
        format!("{}{}{}", self.origin, self.prefix, path_and_query)
    }

    /// Stops serving: later requests fail as they would with the network gone.
    pub fn stop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        self.stop();
    }
}

fn respond(root: &Path, prefix: &str, url: &str) -> tiny_http::Response<std::io::Cursor<Vec<u8>>> {
    let path = url.split(['?', '#']).next().unwrap_or("/");
    let not_found = || tiny_http::Response::from_data(b"not found".to_vec()).with_status_code(404);
    let Some(rel) = path.strip_prefix(prefix) else { return not_found() };
    let rel = if rel.is_empty() || rel.ends_with('/') { format!("{rel}index.html") } else { rel.to_string() };
    if rel.split('/').any(|part| part == "..") {
        return not_found();
    }
    let file = root.join(&rel);
    let Ok(body) = std::fs::read(&file) else { return not_found() };
    let mime = match file.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript",
        "wasm" => "application/wasm",
        "css" => "text/css",
        "json" | "webmanifest" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        _ => "application/octet-stream",
    };
    let header = tiny_http::Header::from_bytes("Content-Type", mime).expect("valid header");
    tiny_http::Response::from_data(body).with_header(header)
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

static PROFILE_COUNTER: AtomicUsize = AtomicUsize::new(0);

/// A headless Chromium driven by its own chromedriver; both end with the value.
pub struct Browser {
    pub client: Client,
    driver: Child,
}

impl Browser {
    /// Starts chromedriver and a fresh headless Chromium at the given window size.
    pub async fn start(width: u32, height: u32) -> Self {
        let port = free_port();
        let chromedriver = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into());
        let driver = Command::new(&chromedriver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("start {chromedriver}: {e} (make setup-test installs it)"));
        wait_for_port(port, Duration::from_secs(20));

        let profile = std::env::temp_dir().join(format!(
            "optics-calc-e2e-{}-{}",
            std::process::id(),
            PROFILE_COUNTER.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = std::fs::remove_dir_all(&profile);
        let mut caps = serde_json::Map::new();
        caps.insert(
            "goog:chromeOptions".into(),
            json!({
                "args": [
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                    "--hide-scrollbars",
                    format!("--window-size={width},{height}"),
                    format!("--user-data-dir={}", profile.display()),
                ],
                "binary": chromium_binary(),
            }),
        );
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        let client = ClientBuilder::new(connector)
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
            .expect("connect to chromedriver");
        Browser { client, driver }
    }

    pub async fn goto(&self, url: &str) {
        self.client.goto(url).await.expect("navigate");
    }

    /// Waits until an element matching `css` exists (up to 20 s).
    pub async fn wait_for(&self, css: &str) {
        self.client
            .wait()
            .at_most(Duration::from_secs(20))
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("element {css} never appeared: {e}"));
    }

    /// Runs a script in the page and returns its JSON result.
    pub async fn js(&self, script: &str, args: Vec<Value>) -> Value {
        self.client.execute(script, args).await.expect("execute script")
    }

    /// Every headline readout on the page: `data-metric` -> unrounded `data-value`.
    pub async fn metrics(&self) -> HashMap<String, f64> {
        let pairs = self
            .js(
                "return Array.from(document.querySelectorAll('[data-metric]'))
                    .map(e => [e.getAttribute('data-metric'), e.getAttribute('data-value')]);",
                vec![],
            )
            .await;
        pairs
            .as_array()
            .expect("array of pairs")
            .iter()
            .map(|pair| {
                let key = pair[0].as_str().unwrap_or_default().to_string();
                let raw = pair[1].as_str().unwrap_or_default();
                let value = raw.parse::<f64>().unwrap_or_else(|_| panic!("data-value of {key} is not a number: {raw:?}"));
                (key, value)
            })
            .collect()
    }

    /// The text of every notice (`data-notice`) on the page.
    pub async fn notices(&self) -> Vec<String> {
        let list = self
            .js("return Array.from(document.querySelectorAll('[data-notice]')).map(e => e.textContent);", vec![])
            .await;
        list.as_array()
            .map(|a| a.iter().map(|v| v.as_str().unwrap_or_default().to_string()).collect())
            .unwrap_or_default()
    }

    /// Sets a numeric input the way a user's typing or sliding does: value, then
    /// `input` and `change` events.
    pub async fn set_input(&self, css: &str, value: &str) {
        let done = self
            .js(
                "const e = document.querySelector(arguments[0]);
                 if (!e) return false;
                 e.value = arguments[1];
                 e.dispatchEvent(new Event('input', {bubbles: true}));
                 e.dispatchEvent(new Event('change', {bubbles: true}));
                 return true;",
                vec![json!(css), json!(value)],
            )
            .await;
        assert_eq!(done, json!(true), "no element {css}");
    }

    /// Resolves after the next animation frame has been painted.
    pub async fn next_frame(&self) {
        self.client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 requestAnimationFrame(() => requestAnimationFrame(() => done(true)));",
                vec![],
            )
            .await
            .expect("animation frame");
    }

    /// Saves a PNG screenshot under target/screenshots/ and returns its path.
    pub async fn screenshot(&self, name: &str) -> PathBuf {
        let dir = project_root().join("target/screenshots");
        std::fs::create_dir_all(&dir).expect("screenshot dir");
        let path = dir.join(format!("{name}.png"));
        let png = self.client.screenshot().await.expect("screenshot");
        std::fs::write(&path, png).expect("write screenshot");
        path
    }

    pub async fn close(mut self) {
        let _ = self.client.clone().close().await;
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.driver.kill();
    }
}

fn chromium_binary() -> String {
    ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .iter()
        .find(|p| Path::new(p).exists())
        .unwrap_or(&"chromium")
        .to_string()
}

fn wait_for_port(port: u16, limit: Duration) {
    let start = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(start.elapsed() < limit, "chromedriver did not listen on {port}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// A served `dist/` plus a browser with the calculator loaded and rendered.
pub struct Session {
    pub server: StaticServer,
    pub browser: Browser,
}

impl Session {
    /// Serves dist/ under `prefix`, opens `path_and_query` and waits for the readout.
    pub async fn open(prefix: &str, path_and_query: &str, width: u32, height: u32) -> Self {
        let server = StaticServer::start(dist_dir(), prefix);
        let browser = Browser::start(width, height).await;
        browser.goto(&server.url(path_and_query)).await;
        browser.wait_for("[data-metric]").await;
        Session { server, browser }
    }

    pub async fn close(self) {
        self.browser.close().await;
    }
}
