//! `upward lsp`, spoken to over stdio as an editor would: initialize, open, change, complete,
//! hover, go to definition, symbols, quick fixes, formatting, shutdown and exit. Every answer
//! is checked.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

const WAIT: Duration = Duration::from_secs(20);

/// An editor's side of the connection.
struct Client {
    child: Child,
    stdin: ChildStdin,
    messages: Receiver<Value>,
    /// Notifications received while waiting for a response.
    notifications: Vec<Value>,
    next_id: i64,
}

impl Client {
    fn start(dir: &Path) -> Client {
        let mut child = Command::new(assert_cmd::cargo::cargo_bin!("upward"))
            .arg("lsp")
            .current_dir(dir)
            .env("HOME", dir)
            .env_remove("UPWARD_JOURNAL")
            .env_remove("UPWARD_TODAY")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn upward lsp");
        let stdin = child.stdin.take().expect("stdin");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, messages) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Some(message) = read_message(&mut reader) {
                if tx.send(message).is_err() {
                    break;
                }
            }
        });
        Client {
            child,
            stdin,
            messages,
            notifications: Vec::new(),
            next_id: 1,
        }
    }

    fn send(&mut self, message: &Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).expect("write");
        self.stdin.flush().expect("flush");
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Sends a request and returns its result (failing on an error response).
    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        let deadline = Instant::now() + WAIT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let message = self
                .messages
                .recv_timeout(left)
                .unwrap_or_else(|_| panic!("no answer to {method}"));
            if message["id"] == json!(id) {
                assert!(message.get("error").is_none(), "{method} failed: {message}");
                return message["result"].clone();
            }
            self.notifications.push(message);
        }
    }

    /// The next diagnostics published for `uri` (skipping those of other documents).
    fn diagnostics(&mut self, uri: &str) -> Vec<Value> {
        if let Some(i) = self
            .notifications
            .iter()
            .position(|n| is_diagnostics_for(n, uri))
        {
            let n = self.notifications.remove(i);
            return n["params"]["diagnostics"]
                .as_array()
                .cloned()
                .unwrap_or_default();
        }
        let deadline = Instant::now() + WAIT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let message = self
                .messages
                .recv_timeout(left)
                .unwrap_or_else(|_| panic!("no diagnostics for {uri}"));
            if is_diagnostics_for(&message, uri) {
                return message["params"]["diagnostics"]
                    .as_array()
                    .cloned()
                    .unwrap_or_default();
            }
            self.notifications.push(message);
        }
    }
}

fn is_diagnostics_for(message: &Value, uri: &str) -> bool {
    message["method"] == "textDocument/publishDiagnostics" && message["params"]["uri"] == uri
}

fn read_message(reader: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(n) = line.strip_prefix("Content-Length: ") {
            length = n.parse::<usize>().ok();
        }
    }
    let mut body = vec![0; length?];
    reader.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

fn uri(path: &Path) -> String {
    format!("file://{}", path.display())
}

fn codes(diags: &[Value]) -> Vec<String> {
    let mut out: Vec<String> = diags
        .iter()
        .map(|d| d["code"].as_str().unwrap_or("").to_string())
        .collect();
    out.sort();
    out
}

fn labels(result: &Value) -> Vec<String> {
    let items = result
        .as_array()
        .or_else(|| result["items"].as_array())
        .cloned()
        .unwrap_or_default();
    items
        .iter()
        .map(|i| i["label"].as_str().unwrap_or("").to_string())
        .collect()
}

fn position(line: u32, character: u32) -> Value {
    json!({"line": line, "character": character})
}

fn at(uri: &str, line: u32, character: u32) -> Value {
    json!({"textDocument": {"uri": uri}, "position": position(line, character)})
}

/// Applies LSP text edits (whole-line replacements here) to a text.
fn apply(text: &str, edits: &Value) -> String {
    let starts: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let offset = |p: &Value| -> usize {
        let line = p["line"].as_u64().unwrap_or(0) as usize;
        let character = p["character"].as_u64().unwrap_or(0) as usize;
        let start = starts.get(line).copied().unwrap_or(text.len());
        let rest = text[start..].split('\n').next().unwrap_or("");
        let mut units = 0;
        for (i, c) in rest.char_indices() {
            if units >= character {
                return start + i;
            }
            units += c.len_utf16();
        }
        start + rest.len()
    };
    let mut edits: Vec<&Value> = edits
        .as_array()
        .map(|a| a.iter().collect())
        .unwrap_or_default();
    edits.sort_by_key(|e| std::cmp::Reverse(offset(&e["range"]["start"])));
    let mut out = text.to_string();
    for e in edits {
        let a = offset(&e["range"]["start"]);
        let b = offset(&e["range"]["end"]);
        out.replace_range(a..b, e["newText"].as_str().unwrap_or(""));
    }
    out
}

const JOURNAL: &str = "boss @maria Maria Chen
  cadence: none
  updates: none
include 2026/q1.up
2026-03-02 promise ^memo due:2026-03-05 Risk memo for #billing
2026-03-02 promise ^shipped due:2026-03-30 Ship it
2026-03-03 done ^shipped
";

const Q1: &str = "2026-03-04 chekin @maria
2026-03-07  slip ^memo   due:2026-03-10 Waiting on numbers
2026-03-08 did Café 😀 tested #billing with (@maria)
2026-03-09 promise ^plan Plan the quarter
";

struct Setup {
    _dir: tempfile::TempDir,
    root: PathBuf,
    journal: String,
    q1: String,
}

fn setup() -> Setup {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = std::fs::canonicalize(dir.path()).expect("canonical");
    std::fs::create_dir_all(root.join("2026")).expect("mkdir");
    std::fs::write(root.join("journal.up"), JOURNAL).expect("write");
    std::fs::write(root.join("2026/q1.up"), Q1).expect("write");
    Setup {
        journal: uri(&root.join("journal.up")),
        q1: uri(&root.join("2026/q1.up")),
        root,
        _dir: dir,
    }
}

fn initialize(client: &mut Client, root: &Path) {
    let result = client.request(
        "initialize",
        json!({
            "processId": null,
            "rootUri": uri(root),
            "capabilities": {},
            "initializationOptions": {"today": "2026-03-20"},
        }),
    );
    let caps = &result["capabilities"];
    assert_eq!(caps["textDocumentSync"]["change"], 2, "incremental sync");
    assert_eq!(caps["textDocumentSync"]["openClose"], true);
    assert_eq!(caps["hoverProvider"], true);
    assert_eq!(caps["definitionProvider"], true);
    assert_eq!(caps["documentSymbolProvider"], true);
    assert_eq!(caps["documentFormattingProvider"], true);
    assert_eq!(
        caps["codeActionProvider"]["codeActionKinds"],
        json!(["quickfix"])
    );
    let triggers = caps["completionProvider"]["triggerCharacters"].clone();
    for c in ["@", "#", "^", ":"] {
        assert!(triggers.as_array().is_some_and(|t| t.contains(&json!(c))));
    }
    assert_eq!(result["serverInfo"]["name"], "upward");
    client.notify("initialized", json!({}));
}

fn shutdown(mut client: Client) {
    assert_eq!(client.request("shutdown", Value::Null), Value::Null);
    client.notify("exit", Value::Null);
    let deadline = Instant::now() + WAIT;
    loop {
        if let Some(status) = client.child.try_wait().expect("wait") {
            assert!(status.success(), "exit status {status}");
            return;
        }
        assert!(Instant::now() < deadline, "the server did not exit");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn a_session_over_stdio() {
    let s = setup();
    let mut client = Client::start(&s.root);
    initialize(&mut client, &s.root);

    // Open a file of a journal directory: the boss and the promise come from journal.up.
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": s.q1, "languageId": "upward", "version": 1, "text": Q1}}),
    );
    let diags = client.diagnostics(&s.q1);
    assert_eq!(
        codes(&diags),
        ["late-slip", "missing", "unknown-kind"],
        "{diags:#?}"
    );
    let kind = diags
        .iter()
        .find(|d| d["code"] == "unknown-kind")
        .expect("unknown-kind");
    assert_eq!(
        kind["range"],
        json!({"start": position(0, 11), "end": position(0, 17)})
    );
    assert_eq!(kind["severity"], 1);
    assert_eq!(kind["source"], "upward");
    assert!(
        kind["message"]
            .as_str()
            .is_some_and(|m| m.contains("did you mean `checkin`"))
    );
    let slip = diags
        .iter()
        .find(|d| d["code"] == "late-slip")
        .expect("late-slip");
    assert_eq!(slip["severity"], 2);
    let related = &slip["relatedInformation"][0];
    assert_eq!(related["location"]["uri"], s.journal);
    assert_eq!(related["location"]["range"]["start"]["line"], 4);

    // Quick fixes: the misspelt kind, and the promise without `due:`.
    let actions = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": s.q1}, "range": {"start": position(0, 12), "end": position(0, 12)},
               "context": {"diagnostics": []}}),
    );
    assert_eq!(actions[0]["title"], "change to `checkin`");
    assert_eq!(actions[0]["kind"], "quickfix");
    let edit = &actions[0]["edit"]["changes"][&s.q1][0];
    assert_eq!(edit["newText"], "checkin");
    assert_eq!(edit["range"], kind["range"]);
    let actions = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": s.q1}, "range": {"start": position(3, 0), "end": position(3, 5)},
               "context": {"diagnostics": []}}),
    );
    assert_eq!(actions[0]["title"], "add `due:2026-03-16`");
    let edit = &actions[0]["edit"]["changes"][&s.q1][0];
    assert_eq!(edit["newText"], " due:2026-03-16");
    assert_eq!(edit["range"]["start"], position(3, 24));

    // A buffer with a parse error is formatted around it: the line in error is left alone.
    let formatted = client.request(
        "textDocument/formatting",
        json!({"textDocument": {"uri": s.q1}, "options": {"tabSize": 2, "insertSpaces": true}}),
    );
    assert_eq!(
        formatted,
        json!([{"newText": "2026-03-07 slip ^memo due:2026-03-10 Waiting on numbers\n",
                "range": {"start": position(1, 0), "end": position(2, 0)}}])
    );

    // An incremental change fixes the kind; the diagnostics follow.
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": s.q1, "version": 2},
               "contentChanges": [{"range": {"start": position(0, 11), "end": position(0, 17)}, "text": "checkin"}]}),
    );
    let diags = client.diagnostics(&s.q1);
    assert_eq!(codes(&diags), ["late-slip", "missing"]);

    // Hover: a tag after multibyte text (UTF-16 columns), a handle, a boss.
    let hover = client.request("textDocument/hover", at(&s.q1, 2, 32));
    assert_eq!(
        hover["range"],
        json!({"start": position(2, 30), "end": position(2, 38)})
    );
    assert!(
        hover["contents"]["value"]
            .as_str()
            .is_some_and(|v| v.contains("**#billing**"))
    );
    let hover = client.request("textDocument/hover", at(&s.q1, 1, 19));
    let text = hover["contents"]["value"]
        .as_str()
        .unwrap_or("")
        .to_string();
    assert!(
        text.contains("**promise ^memo** — Risk memo for #billing"),
        "{text}"
    );
    assert!(text.contains("defined 2026-03-02 (journal.up:5)"), "{text}");
    assert!(
        text.contains("**broken**, due 2026-03-05 (late slip to 2026-03-10), slipped 1×"),
        "{text}"
    );
    let hover = client.request("textDocument/hover", at(&s.q1, 0, 20));
    let text = hover["contents"]["value"]
        .as_str()
        .unwrap_or("")
        .to_string();
    assert!(text.contains("**boss @maria** — Maria Chen"), "{text}");
    let hover = client.request("textDocument/hover", at(&s.q1, 2, 3));
    assert_eq!(hover, Value::Null, "nothing to say about a date");

    // Go to definition: a handle in another file, a boss.
    let def = client.request("textDocument/definition", at(&s.q1, 1, 19));
    assert_eq!(def["uri"], s.journal);
    assert_eq!(
        def["range"],
        json!({"start": position(4, 19), "end": position(4, 24)})
    );
    let def = client.request("textDocument/definition", at(&s.q1, 2, 48));
    assert_eq!(def["uri"], s.journal);
    assert_eq!(def["range"]["start"], position(0, 0));

    // Completion, after a full-text change.
    let text = format!(
        "{}2026-03-10 done ^\n2026-03-11 \n2026-03-12 feedback tone:\n2026-03-12 did #\n",
        Q1.replace("chekin", "checkin")
    );
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": s.q1, "version": 3}, "contentChanges": [{"text": text}]}),
    );
    client.diagnostics(&s.q1);
    let complete = |client: &mut Client, line: u32, character: u32| {
        labels(&client.request("textDocument/completion", at(&s.q1, line, character)))
    };
    assert_eq!(
        complete(&mut client, 4, 17),
        ["^memo", "^plan"],
        "open promises only"
    );
    let kinds = complete(&mut client, 5, 11);
    assert_eq!(kinds.len(), 17);
    assert!(kinds.contains(&"checkin".to_string()) && kinds.contains(&"promise".to_string()));
    assert_eq!(
        complete(&mut client, 6, 25),
        ["positive", "negative", "mixed", "neutral"]
    );
    assert_eq!(complete(&mut client, 7, 16), ["#billing"]);
    let result = client.request("textDocument/completion", at(&s.q1, 7, 16));
    let item = &result[0];
    assert_eq!(
        item["textEdit"]["range"],
        json!({"start": position(7, 15), "end": position(7, 16)})
    );
    assert_eq!(item["textEdit"]["newText"], "#billing");

    // Symbols: entries by date.
    let symbols = client.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": s.q1}}),
    );
    let names: Vec<&str> = symbols
        .as_array()
        .map(|a| a.iter().filter_map(|s| s["name"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(
        names[..4],
        [
            "2026-03-04 checkin",
            "2026-03-07 slip",
            "2026-03-08 did",
            "2026-03-09 promise"
        ]
    );
    assert_eq!(symbols[1]["detail"], "^memo Waiting on numbers");

    // Formatting, the same as `upward fmt`.
    let tidy =
        "2026-03-04 checkin @maria\n2026-03-07 slip ^memo due:2026-03-10 Waiting on numbers\n";
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": s.q1, "version": 4}, "contentChanges": [{"text": "2026-03-04   checkin @maria\n2026-03-07  slip ^memo   due:2026-03-10 Waiting on numbers\n\n\n"}]}),
    );
    client.diagnostics(&s.q1);
    let edits = client.request(
        "textDocument/formatting",
        json!({"textDocument": {"uri": s.q1}, "options": {"tabSize": 2, "insertSpaces": true}}),
    );
    let before = "2026-03-04   checkin @maria\n2026-03-07  slip ^memo   due:2026-03-10 Waiting on numbers\n\n\n";
    assert_eq!(apply(before, &edits), tidy);

    // A buffer with an error is formatted as `fmt --force` does: the lines that parsed are
    // laid out, the erroneous one is kept byte for byte.
    let broken = "2026-03-04   checkin @maria\nnot   an  entry\n2026-03-07  did   x\n";
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": s.q1, "version": 5}, "contentChanges": [{"text": broken}]}),
    );
    client.diagnostics(&s.q1);
    let edits = client.request(
        "textDocument/formatting",
        json!({"textDocument": {"uri": s.q1}, "options": {"tabSize": 2, "insertSpaces": true}}),
    );
    assert_eq!(
        apply(broken, &edits),
        "2026-03-04 checkin @maria\nnot   an  entry\n2026-03-07 did x\n"
    );

    shutdown(client);
}

#[test]
fn an_unsaved_buffer_reads_its_includes_from_disk() {
    let s = setup();
    let mut client = Client::start(&s.root);
    initialize(&mut client, &s.root);
    let scratch = uri(&s.root.join("scratch.up"));
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": scratch, "languageId": "upward", "version": 1,
               "text": "include journal.up\n2026-03-15 done ^memo\n2026-03-15 done ^ghost\n"}}),
    );
    let diags = client.diagnostics(&scratch);
    assert_eq!(
        codes(&diags),
        ["handle"],
        "only ^ghost is unknown: {diags:#?}"
    );
    assert_eq!(diags[0]["range"]["start"], position(2, 16));
    // Closing clears its diagnostics.
    client.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": scratch}}),
    );
    assert_eq!(client.diagnostics(&scratch), Vec::<Value>::new());
    shutdown(client);
}
