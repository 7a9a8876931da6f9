//! The server's state and its answers: requests, notifications, published diagnostics.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::rc::Rc;

use lsp_server::{Connection, ErrorCode, Message, Notification, Request, Response};
use lsp_types as lsp;
use lsp_types::notification::Notification as _;
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::documents::Documents;
use super::{complete, convert, edits, navigate, symbols};
use crate::diag::Diagnostic;
use crate::model::Journal;

/// One client's session: its connection and its open documents.
pub struct Server<'c> {
    pub connection: &'c Connection,
    pub docs: Documents,
}

impl Server<'_> {
    pub fn send(&self, message: Message) {
        // The client has gone when this fails; the receive loop ends by itself then.
        let _ = self.connection.sender.send(message);
    }

    pub fn request(&mut self, req: Request) -> Response {
        use lsp::request::*;
        let id = req.id.clone();
        let docs = &self.docs;
        let answer = catch_unwind(AssertUnwindSafe(|| match req.method.as_str() {
            Completion::METHOD => reply(req, |p: lsp::CompletionParams| {
                let position = p.text_document_position;
                let invoked = p
                    .context
                    .is_none_or(|c| c.trigger_kind == lsp::CompletionTriggerKind::INVOKED);
                docs.analyze(&position.text_document.uri).map(|a| {
                    lsp::CompletionResponse::Array(complete::complete(
                        &a,
                        position.position,
                        invoked,
                    ))
                })
            }),
            HoverRequest::METHOD => reply(req, |p: lsp::HoverParams| {
                let at = p.text_document_position_params;
                let a = docs.analyze(&at.text_document.uri)?;
                navigate::hover(&a, convert::offset(a.source(), at.position))
            }),
            GotoDefinition::METHOD => reply(req, |p: lsp::GotoDefinitionParams| {
                let at = p.text_document_position_params;
                let a = docs.analyze(&at.text_document.uri)?;
                navigate::definition(&a, convert::offset(a.source(), at.position))
            }),
            DocumentSymbolRequest::METHOD => reply(req, |p: lsp::DocumentSymbolParams| {
                let a = docs.analyze(&p.text_document.uri)?;
                Some(lsp::DocumentSymbolResponse::Nested(symbols::symbols(&a)))
            }),
            Formatting::METHOD => reply(req, |p: lsp::DocumentFormattingParams| {
                let doc = docs.get(&p.text_document.uri)?;
                edits::formatting(&doc.path.to_string_lossy(), &doc.text)
            }),
            CodeActionRequest::METHOD => reply(req, |p: lsp::CodeActionParams| {
                let a = docs.analyze(&p.text_document.uri)?;
                Some(edits::code_actions(&a, &p.text_document.uri, p.range))
            }),
            _ => Err((
                ErrorCode::MethodNotFound,
                format!("upward does not handle `{}`", req.method),
            )),
        }));
        match answer {
            // Not `Response::new_ok`: it would convert the finished value once more, which
            // for the outline of a large document doubles the time and the memory.
            Ok(Ok(value)) => Response {
                id,
                response_result: Ok(value),
            },
            Ok(Err((code, message))) => Response::new_err(id, code as i32, message),
            Err(_) => Response::new_err(
                id,
                ErrorCode::InternalError as i32,
                "upward could not answer this request".into(),
            ),
        }
    }

    pub fn notification(&mut self, n: Notification) {
        use lsp::notification::*;
        let _ = catch_unwind(AssertUnwindSafe(|| match n.method.as_str() {
            DidOpenTextDocument::METHOD => {
                if let Some(p) = params::<lsp::DidOpenTextDocumentParams>(n.params) {
                    let d = p.text_document;
                    self.docs.open(d.uri, d.text, d.version);
                    self.publish_all(None);
                }
            }
            DidChangeTextDocument::METHOD => {
                if let Some(p) = params::<lsp::DidChangeTextDocumentParams>(n.params) {
                    let d = p.text_document;
                    self.docs.change(&d.uri, d.version, p.content_changes);
                    self.publish_all(None);
                }
            }
            DidCloseTextDocument::METHOD => {
                if let Some(p) = params::<lsp::DidCloseTextDocumentParams>(n.params) {
                    self.docs.close(&p.text_document.uri);
                    self.publish_all(Some(p.text_document.uri));
                }
            }
            DidSaveTextDocument::METHOD | DidChangeWatchedFiles::METHOD => {
                self.docs.touch();
                self.publish_all(None);
            }
            _ => {}
        }));
    }

    /// Publishes the diagnostics of every open document (an edit in one file can settle or
    /// raise errors in another), and clears those of a document just closed.
    fn publish_all(&self, closed: Option<lsp::Uri>) {
        if let Some(uri) = closed {
            self.publish(uri, Vec::new(), None);
        }
        // Files of one journal share its check.
        let mut checked: Vec<(Rc<Journal>, Vec<Diagnostic>)> = Vec::new();
        for uri in self.docs.uris() {
            let Some(a) = self.docs.analyze(&uri) else {
                continue;
            };
            let i = match checked.iter().position(|(j, _)| Rc::ptr_eq(j, &a.journal)) {
                Some(i) => i,
                None => {
                    let all = crate::check(&a.journal, a.today, &[]);
                    checked.push((a.journal.clone(), all));
                    checked.len() - 1
                }
            };
            let diags = checked[i]
                .1
                .iter()
                .filter(|d| d.span.file == a.file)
                .map(|d| convert::diagnostic(&a.journal, d))
                .collect();
            let version = self.docs.get(&uri).map(|d| d.version);
            self.publish(uri, diags, version);
        }
    }

    fn publish(&self, uri: lsp::Uri, diagnostics: Vec<lsp::Diagnostic>, version: Option<i32>) {
        let params = lsp::PublishDiagnosticsParams {
            uri,
            diagnostics,
            version,
        };
        self.send(Message::Notification(Notification::new(
            lsp::notification::PublishDiagnostics::METHOD.to_string(),
            params,
        )));
    }
}

fn params<P: DeserializeOwned>(value: Value) -> Option<P> {
    serde_json::from_value(value).ok()
}

/// Reads a request's parameters and turns the handler's answer into JSON (`null` for none).
fn reply<P: DeserializeOwned, R: serde::Serialize>(
    req: Request,
    handler: impl FnOnce(P) -> Option<R>,
) -> Result<Value, (ErrorCode, String)> {
    let p: P = serde_json::from_value(req.params).map_err(|e| {
        (
            ErrorCode::InvalidParams,
            format!("invalid parameters for `{}`: {e}", req.method),
        )
    })?;
    serde_json::to_value(handler(p)).map_err(|e| (ErrorCode::InternalError, e.to_string()))
}
