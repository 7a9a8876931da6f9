//! The language server: `upward lsp` speaks LSP on stdio. It keeps the open documents, builds
//! the journal each belongs to (unsaved buffers first, then the disk), publishes its
//! diagnostics on open and change, and answers completion, hover, definition, symbols,
//! formatting and quick fixes. It calls the syntax, model, rules and formatter; never the CLI.

mod complete;
mod convert;
pub mod documents;
mod edits;
mod navigate;
mod server;
mod symbols;
pub mod uri;

use std::path::PathBuf;

use lsp_server::{Connection, Message};
use lsp_types as lsp;
use lsp_types::notification::Notification as _;
use serde_json::Value;

use documents::{Config, Documents};
use server::Server;

/// Why the server stopped abnormally.
#[derive(Debug, thiserror::Error)]
#[error("language server: {0}")]
pub struct ServerError(String);

/// Runs the server on stdin and stdout until the client says `exit`.
pub fn run_stdio() -> Result<(), ServerError> {
    let (connection, threads) = Connection::stdio();
    serve(&connection)?;
    drop(connection);
    threads.join().map_err(|e| ServerError(e.to_string()))
}

/// What the server can do.
pub fn capabilities() -> lsp::ServerCapabilities {
    lsp::ServerCapabilities {
        text_document_sync: Some(lsp::TextDocumentSyncCapability::Options(
            lsp::TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(lsp::TextDocumentSyncKind::INCREMENTAL),
                save: Some(lsp::TextDocumentSyncSaveOptions::Supported(true)),
                ..lsp::TextDocumentSyncOptions::default()
            },
        )),
        completion_provider: Some(lsp::CompletionOptions {
            trigger_characters: Some(["@", "#", "^", ":", " "].map(String::from).to_vec()),
            ..lsp::CompletionOptions::default()
        }),
        hover_provider: Some(lsp::HoverProviderCapability::Simple(true)),
        definition_provider: Some(lsp::OneOf::Left(true)),
        document_symbol_provider: Some(lsp::OneOf::Left(true)),
        document_formatting_provider: Some(lsp::OneOf::Left(true)),
        code_action_provider: Some(lsp::CodeActionProviderCapability::Options(
            lsp::CodeActionOptions {
                code_action_kinds: Some(vec![lsp::CodeActionKind::QUICKFIX]),
                ..lsp::CodeActionOptions::default()
            },
        )),
        position_encoding: Some(lsp::PositionEncodingKind::UTF16),
        ..lsp::ServerCapabilities::default()
    }
}

/// Serves one client on a connection: the handshake, then every message until `exit`.
pub fn serve(connection: &Connection) -> Result<(), ServerError> {
    let fail = |e: lsp_server::ProtocolError| ServerError(e.to_string());
    let (id, params) = connection.initialize_start().map_err(fail)?;
    let params: lsp::InitializeParams = serde_json::from_value(params).unwrap_or_default();
    let result = serde_json::json!({
        "capabilities": capabilities(),
        "serverInfo": { "name": "upward", "version": env!("CARGO_PKG_VERSION") },
    });
    connection.initialize_finish(id, result).map_err(fail)?;
    let mut server = Server {
        connection,
        docs: Documents::new(config(&params)),
    };
    for message in &connection.receiver {
        match message {
            Message::Request(req) => {
                if connection.handle_shutdown(&req).map_err(fail)? {
                    return Ok(());
                }
                let response = server.request(req);
                server.send(response.into());
            }
            Message::Notification(n) => {
                if n.method == lsp::notification::Exit::METHOD {
                    return Ok(());
                }
                server.notification(n);
            }
            Message::Response(_) => {}
        }
    }
    Ok(())
}

/// The journal paths, workspace folders and today's date from the `initialize` request.
fn config(params: &lsp::InitializeParams) -> Config {
    let options = params.initialization_options.clone().unwrap_or(Value::Null);
    let journal = match &options["journal"] {
        Value::String(s) => vec![PathBuf::from(s)],
        Value::Array(items) => items
            .iter()
            .filter_map(Value::as_str)
            .map(PathBuf::from)
            .collect(),
        _ => Vec::new(),
    };
    let mut workspace: Vec<PathBuf> = params
        .workspace_folders
        .iter()
        .flatten()
        .map(|f| uri::to_path(&f.uri))
        .collect();
    #[allow(deprecated)]
    if workspace.is_empty()
        && let Some(root) = &params.root_uri
    {
        workspace.push(uri::to_path(root));
    }
    Config {
        journal,
        workspace,
        today: options["today"]
            .as_str()
            .and_then(crate::syntax::calendar_date),
    }
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use super::*;

    /// Every request at every position of real and broken text answers without panicking.
    #[test]
    fn every_position_answers() {
        let demo = include_str!("../../samples/engineer/journal.up");
        let broken = "\u{feff}2026-03-02 chekin @zoë #café 😀 ^h due:\r\n  [ ] ^ @\t#\n\tx\0y\n2026-02-30 did\nboss\n  cadence: 9/week ; c\n2026-03-03 promise ^p x\n";
        for (name, text) in [("demo.up", demo), ("broken.up", broken)] {
            let uri =
                lsp::Uri::from_str(&format!("untitled:{name}")).unwrap_or_else(|_| panic!("uri"));
            let mut docs = Documents::new(Config::default());
            docs.open(uri.clone(), text.to_string(), 1);
            let Some(a) = docs.analyze(&uri) else {
                panic!("no analysis of {name}")
            };
            let source = a.source();
            for line in 0..source.line_count() as u32 + 1 {
                let width: u32 = source
                    .line_text(line as usize)
                    .chars()
                    .map(|c| c.len_utf16() as u32)
                    .sum();
                for character in 0..width + 2 {
                    let position = lsp::Position { line, character };
                    let offset = convert::offset(source, position);
                    let _ = complete::complete(&a, position, true);
                    let _ = navigate::hover(&a, offset);
                    let _ = navigate::definition(&a, offset);
                }
                let range = lsp::Range {
                    start: lsp::Position { line, character: 0 },
                    end: lsp::Position { line, character: 0 },
                };
                let _ = edits::code_actions(&a, &uri, range);
            }
            let _ = symbols::symbols(&a);
            let _ = edits::formatting(name, text);
        }
    }
}
