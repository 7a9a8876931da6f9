//! The server's side of stdio: LSP's framing (`Content-Length` headers, then JSON) read with
//! limits, so a hostile or broken client cannot make the server allocate without bound, and
//! a malformed message answered with a JSON-RPC error instead of ending the session.
//!
//! A header line longer than [`HEADER_LINE_LIMIT`], or headers without a readable
//! `Content-Length`, leave no way to find the next message: the server stops with an error
//! naming the problem. A body over [`MESSAGE_LIMIT`] is answered with an error and skipped
//! without being kept, and the session goes on with the next message.

use std::io::{self, BufRead, Read, Write};
use std::thread::{self, JoinHandle};

use lsp_server::{Connection, ErrorCode, Message};
use serde_json::{Value, json};

/// The largest message body read, in bytes: far above any journal an editor opens.
pub const MESSAGE_LIMIT: usize = 64 << 20;

/// The longest header line read, in bytes, its `\r\n` included.
pub const HEADER_LINE_LIMIT: u64 = 1024;

/// One framed message, as read.
#[derive(Debug)]
pub enum Frame {
    /// A message the server handles.
    Message(Message),
    /// A message that cannot be handled, and the error object to answer it with.
    Refused(Value),
}

/// The reader and writer threads behind a [`Connection`] made by [`stdio`].
#[derive(Debug)]
pub struct Threads {
    reader: JoinHandle<io::Result<()>>,
    writer: JoinHandle<io::Result<()>>,
}

impl Threads {
    /// Waits for both threads; the reader's error (a broken header, say) comes first.
    pub fn join(self) -> io::Result<()> {
        let reader = self.reader.join().unwrap_or_else(|_| Err(thread_died()));
        let writer = self.writer.join().unwrap_or_else(|_| Err(thread_died()));
        reader.and(writer)
    }
}

fn thread_died() -> io::Error {
    io::Error::other("an input or output thread stopped unexpectedly")
}

/// A connection over stdin and stdout, read with this module's limits.
pub fn stdio() -> (Connection, Threads) {
    let (server, client) = Connection::memory();
    let writer = thread::spawn(move || {
        for message in client.receiver {
            message.write(&mut io::stdout().lock())?;
        }
        Ok(())
    });
    let forward = client.sender;
    let reader = thread::spawn(move || {
        let mut input = io::stdin().lock();
        while let Some(frame) = read_frame(&mut input)? {
            match frame {
                Frame::Message(message) => {
                    let exit = matches!(&message, Message::Notification(n) if n.method == "exit");
                    if forward.send(message).is_err() || exit {
                        break;
                    }
                }
                Frame::Refused(reply) => write_json(&mut io::stdout().lock(), &reply)?,
            }
        }
        Ok(())
    });
    (server, Threads { reader, writer })
}

/// Writes one framed JSON value.
fn write_json(out: &mut impl Write, value: &Value) -> io::Result<()> {
    let text = value.to_string();
    write!(out, "Content-Length: {}\r\n\r\n{text}", text.len())?;
    out.flush()
}

/// Reads the next message, or `None` at the end of the input.
pub fn read_frame(input: &mut impl BufRead) -> io::Result<Option<Frame>> {
    let Some(length) = read_headers(input)? else {
        return Ok(None);
    };
    if length > MESSAGE_LIMIT as u64 {
        let skipped = io::copy(&mut input.take(length), &mut io::sink())?;
        if skipped < length {
            return Ok(None);
        }
        return Ok(Some(refuse(
            ErrorCode::InvalidRequest,
            format!(
                "a message of {length} bytes is over the limit of {} MiB, and was skipped",
                MESSAGE_LIMIT >> 20
            ),
            Value::Null,
        )));
    }
    let mut body = vec![0; length as usize];
    input.read_exact(&mut body)?;
    Ok(Some(parse(&body)))
}

/// The `Content-Length` of the next message's headers, or `None` at the end of the input.
fn read_headers(input: &mut impl BufRead) -> io::Result<Option<u64>> {
    let mut length = None;
    let mut line = Vec::new();
    loop {
        line.clear();
        input.take(HEADER_LINE_LIMIT).read_until(b'\n', &mut line)?;
        if line.is_empty() {
            return Ok(None);
        }
        let Some(text) = line.strip_suffix(b"\r\n") else {
            return Err(broken(if line.len() as u64 == HEADER_LINE_LIMIT {
                format!("a header line is longer than {HEADER_LINE_LIMIT} bytes")
            } else {
                "a header line does not end with CR LF".to_string()
            }));
        };
        if text.is_empty() {
            return length
                .map(Some)
                .ok_or_else(|| broken("a message has no Content-Length header".into()));
        }
        let text = String::from_utf8_lossy(text);
        let Some((name, value)) = text.split_once(':') else {
            return Err(broken(format!("`{text}` is not a header")));
        };
        if name.eq_ignore_ascii_case("content-length") {
            let value = value.trim();
            length = Some(value.parse::<u64>().map_err(|_| {
                broken(format!("Content-Length `{value}` is not a number of bytes"))
            })?);
        }
    }
}

fn broken(message: String) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, message)
}

/// A message's body as a message the server handles, or the error that answers it.
fn parse(body: &[u8]) -> Frame {
    let value: Value = match serde_json::from_slice(body) {
        Ok(value) => value,
        Err(e) => {
            let message = format!("the message is not JSON: {e}");
            return refuse(ErrorCode::ParseError, message, Value::Null);
        }
    };
    let Value::Object(object) = &value else {
        let message = "a message must be a JSON object".to_string();
        return refuse(ErrorCode::InvalidRequest, message, Value::Null);
    };
    let id = object.get("id").filter(|id| id.is_i64() || id.is_string());
    let reply_id = id.cloned().unwrap_or(Value::Null);
    let is_response = object.contains_key("result") || object.contains_key("error");
    if !object.get("method").is_some_and(Value::is_string) && !is_response {
        let message = "a request must name its method as a string".to_string();
        return refuse(ErrorCode::InvalidRequest, message, reply_id);
    }
    if object.contains_key("id") && id.is_none() {
        let message = "a message's id must be an integer or a string".to_string();
        return refuse(ErrorCode::InvalidRequest, message, Value::Null);
    }
    match serde_json::from_value::<Message>(value) {
        Ok(message) => Frame::Message(message),
        Err(e) => {
            let message = format!("the message is not a request, notification or response: {e}");
            refuse(ErrorCode::InvalidRequest, message, reply_id)
        }
    }
}

/// The JSON-RPC error answering a message the server cannot handle.
fn refuse(code: ErrorCode, message: String, id: Value) -> Frame {
    Frame::Refused(json!({
        "jsonrpc": "2.0",
        "id": id,
        "error": { "code": code as i32, "message": message },
    }))
}

#[cfg(test)]
mod tests {
    use serde_json::Value;

    use super::{Frame, HEADER_LINE_LIMIT, read_frame};

    fn frames(input: &[u8]) -> Vec<Result<Frame, String>> {
        let mut input = input;
        let mut out = Vec::new();
        loop {
            match read_frame(&mut input) {
                Ok(Some(frame)) => out.push(Ok(frame)),
                Ok(None) => return out,
                Err(e) => {
                    out.push(Err(e.to_string()));
                    return out;
                }
            }
        }
    }

    fn framed(body: &str) -> String {
        format!("Content-Length: {}\r\n\r\n{body}", body.len())
    }

    fn error_of(frame: &Result<Frame, String>) -> (i64, Value) {
        let Ok(Frame::Refused(reply)) = frame else {
            panic!("expected a refusal, got {frame:?}");
        };
        (
            reply["error"]["code"].as_i64().unwrap_or(0),
            reply["id"].clone(),
        )
    }

    #[test]
    fn malformed_messages_are_answered_and_reading_goes_on() {
        let input = [
            framed("{not json"),
            framed("[1, 2]"),
            framed(r#"{"jsonrpc":"2.0","id":5}"#),
            framed(r#"{"jsonrpc":"2.0","id":{"x":1},"method":"a"}"#),
            framed(r#"{"jsonrpc":"2.0","id":6,"method":"shutdown"}"#),
        ]
        .concat();
        let read = frames(input.as_bytes());
        assert_eq!(read.len(), 5);
        assert_eq!(error_of(&read[0]), (-32700, Value::Null));
        assert_eq!(error_of(&read[1]), (-32600, Value::Null));
        assert_eq!(error_of(&read[2]), (-32600, Value::from(5)));
        assert_eq!(error_of(&read[3]), (-32600, Value::Null));
        assert!(matches!(&read[4], Ok(Frame::Message(_))), "{:?}", read[4]);
    }

    /// A length of 99,999,999,999,999 bytes is refused before anything is allocated, and its
    /// body skipped as it comes.
    #[test]
    fn a_huge_content_length_is_refused_without_allocating() {
        let read = frames(b"Content-Length: 99999999999999\r\n\r\n{}");
        assert!(read.is_empty(), "the input ends inside the skipped body");
        let length = (64 << 20) + 1;
        let mut input = format!("Content-Length: {length}\r\n\r\n").into_bytes();
        input.resize(input.len() + length, b' ');
        input.extend(framed(r#"{"jsonrpc":"2.0","method":"exit"}"#).bytes());
        let read = frames(&input);
        assert_eq!(error_of(&read[0]), (-32600, Value::Null));
        assert!(matches!(&read[1], Ok(Frame::Message(_))), "{:?}", read[1]);
    }

    #[test]
    fn a_header_line_without_end_stops_reading_at_the_limit() {
        let mut input = b"X-Junk: ".to_vec();
        input.resize(10 * HEADER_LINE_LIMIT as usize, b'a');
        let cases: [(&[u8], &str); 3] = [
            (&input, "a header line is longer than 1024 bytes"),
            (
                b"Content-Length: 12x\r\n\r\n",
                "Content-Length `12x` is not a number of bytes",
            ),
            (
                b"Content-Type: x\r\n\r\n{}",
                "a message has no Content-Length header",
            ),
        ];
        for (input, want) in cases {
            let read = frames(input);
            assert!(matches!(&read[..], [Err(e)] if e == want), "{read:?}");
        }
    }
}
