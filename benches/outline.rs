//! The language server's outline (`textDocument/documentSymbol`) of one large open document,
//! served in process: the time of the request alone (the journal is built and cached when the
//! document is opened) and the process's peak resident memory.
//!
//! `cargo bench --bench outline` uses a document of about 10 MB; under `cargo test` (no
//! `--bench` argument) a small one, once.

use std::time::Instant;

use lsp_server::{Connection, Message, Notification, Request};
use serde_json::{Value, json};

#[path = "gen/mod.rs"]
mod journal_gen;

fn main() {
    let benching = std::env::args().any(|a| a == "--bench");
    let entries = if benching { 130_000 } else { 1_000 };
    let text = journal_gen::journal(entries, 1);
    let (server, client) = Connection::memory();
    let serving = std::thread::spawn(move || upward::lsp::serve(&server));
    let uri = "file:///bench/outline.up";
    let today = json!({"today": "2026-11-23", "journal": "/bench/outline.up"});
    ask(
        &client,
        1,
        "initialize",
        json!({"capabilities": {}, "initializationOptions": today}),
    );
    tell(&client, "initialized", json!({}));
    let item = json!({"uri": uri, "languageId": "upward", "version": 1, "text": text});
    tell(
        &client,
        "textDocument/didOpen",
        json!({ "textDocument": item }),
    );
    // The first outline builds the journal; the second is the outline alone.
    let params = json!({"textDocument": {"uri": uri}});
    let symbols = ask(&client, 2, "textDocument/documentSymbol", params.clone());
    let start = Instant::now();
    let again = ask(&client, 3, "textDocument/documentSymbol", params);
    let elapsed = start.elapsed();
    assert_eq!(symbols, again);
    let count = symbols.as_array().map_or(0, Vec::len);
    assert!(count >= entries, "{count} symbols for {entries} entries");
    ask(&client, 4, "shutdown", Value::Null);
    tell(&client, "exit", Value::Null);
    serving.join().expect("server thread").expect("server");
    println!(
        "outline of {:.1} MB, {count} symbols: {:.3} s; peak RSS {}",
        text.len() as f64 / 1e6,
        elapsed.as_secs_f64(),
        peak_rss().unwrap_or_else(|| "unknown".into())
    );
}

fn tell(client: &Connection, method: &str, params: Value) {
    let n = Notification::new(method.into(), params);
    client.sender.send(Message::Notification(n)).expect("send");
}

/// Sends a request and waits for its answer, skipping notifications.
fn ask(client: &Connection, id: i32, method: &str, params: Value) -> Value {
    let r = Request::new(id.into(), method.into(), params);
    client.sender.send(Message::Request(r)).expect("send");
    for message in &client.receiver {
        if let Message::Response(response) = message {
            assert_eq!(response.id, id.into());
            return response.response_result.expect("a result");
        }
    }
    panic!("the server stopped before answering `{method}`");
}

/// The process's peak resident memory, as the kernel reports it.
fn peak_rss() -> Option<String> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    Some(line.trim_start_matches("VmHWM:").trim().to_string())
}
