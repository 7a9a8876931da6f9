//! `upward lsp` fed what a broken or hostile client might send: absurd message sizes, endless
//! headers, bodies that are not JSON-RPC. The server answers what it can and never aborts.

use std::time::Duration;

use assert_cmd::Command;
use serde_json::{Value, json};

fn framed(body: &str) -> Vec<u8> {
    format!("Content-Length: {}\r\n\r\n{body}", body.len()).into_bytes()
}

fn initialize() -> Vec<u8> {
    let init = json!({"jsonrpc": "2.0", "id": 1, "method": "initialize",
        "params": {"processId": null, "capabilities": {}}});
    let initialized = json!({"jsonrpc": "2.0", "method": "initialized", "params": {}});
    [framed(&init.to_string()), framed(&initialized.to_string())].concat()
}

/// Runs the server on `input`, then returns its exit code, its messages and its stderr.
fn serve(input: Vec<u8>) -> (Option<i32>, Vec<Value>, String) {
    let dir = tempfile::tempdir().expect("tempdir");
    let output = Command::new(assert_cmd::cargo::cargo_bin!("upward"))
        .arg("lsp")
        .current_dir(dir.path())
        .env("HOME", dir.path())
        .env_remove("UPWARD_JOURNAL")
        .env_remove("UPWARD_TODAY")
        // A guard against a hang, not a measure of speed.
        .timeout(Duration::from_secs(60))
        .write_stdin(input)
        .output()
        .expect("runs");
    let mut messages = Vec::new();
    let mut rest = &output.stdout[..];
    while let Some(start) = rest.windows(4).position(|w| w == b"\r\n\r\n") {
        let header = String::from_utf8_lossy(&rest[..start]);
        let length: usize = (header.trim().strip_prefix("Content-Length: "))
            .and_then(|n| n.parse().ok())
            .expect("a Content-Length header");
        let body = &rest[start + 4..start + 4 + length];
        messages.push(serde_json::from_slice(body).expect("a JSON body"));
        rest = &rest[start + 4 + length..];
    }
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    (output.status.code(), messages, stderr)
}

/// The start of a long stderr, for a failure message.
fn short(text: &str) -> String {
    text.chars().take(300).collect()
}

fn error_code(message: &Value) -> Option<i64> {
    message["error"]["code"].as_i64()
}

#[test]
fn malformed_messages_get_json_rpc_errors_and_the_session_goes_on() {
    let input = [
        initialize(),
        framed("{not json"),
        framed("[1, 2, 3]"),
        framed(r#"{"jsonrpc":"2.0","id":7}"#),
        framed(r#"{"jsonrpc":"2.0","id":8,"method":"shutdown"}"#),
        framed(r#"{"jsonrpc":"2.0","method":"exit"}"#),
    ]
    .concat();
    let (code, messages, stderr) = serve(input);
    assert_eq!(code, Some(0), "{}", short(&stderr));
    let errors: Vec<(Value, Option<i64>)> = (messages.iter())
        .filter(|m| m.get("error").is_some())
        .map(|m| (m["id"].clone(), error_code(m)))
        .collect();
    assert_eq!(
        errors,
        [
            (Value::Null, Some(-32700)),
            (Value::Null, Some(-32600)),
            (json!(7), Some(-32600)),
        ]
    );
    let shutdown = messages.iter().find(|m| m["id"] == 8).expect("shutdown");
    assert_eq!(shutdown["result"], Value::Null);
    assert!(shutdown.get("error").is_none());
}

#[test]
fn a_content_length_of_99999999999999_is_refused_without_aborting() {
    let mut input = initialize();
    input.extend(b"Content-Length: 99999999999999\r\n\r\n{}");
    let (code, messages, stderr) = serve(input);
    assert!(code.is_some(), "killed by a signal: {}", short(&stderr));
    assert!(!stderr.contains("memory allocation"), "{}", short(&stderr));
    assert_eq!(messages[0]["id"], 1, "the initialize answer");
}

#[test]
fn an_endless_header_line_stops_the_server_with_a_clear_error() {
    let mut input = initialize();
    input.extend(b"X-Padding: ");
    input.resize(input.len() + (8 << 20), b'a');
    let (code, _, stderr) = serve(input);
    assert_eq!(code, Some(2), "{}", short(&stderr));
    assert!(
        stderr.contains("a header line is longer than 1024 bytes"),
        "{}",
        short(&stderr)
    );
}
