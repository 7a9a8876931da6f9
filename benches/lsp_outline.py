#!/usr/bin/env python3
"""The outline (textDocument/documentSymbol) of one large document, as an editor asks for it:
`upward lsp` as a child process over stdio. Prints the time of the second outline (the first
builds the journal) and, from /usr/bin/time, the server's peak resident memory and CPU time.

    cargo build --release --example gen_journal --bin upward
    target/release/examples/gen_journal 130000 /tmp/outline.up      # about 13 MB
    benches/lsp_outline.py target/release/upward /tmp/outline.up
"""
import json, os, subprocess, sys, time

binary, path = sys.argv[1], sys.argv[2]
text = open(path).read()
p = subprocess.Popen(['/usr/bin/time', '-f', '%M KB %U user %S sys', binary, 'lsp'], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
def send(obj):
    b = json.dumps(obj).encode()
    p.stdin.write(b'Content-Length: %d\r\n\r\n' % len(b) + b); p.stdin.flush()
def recv_id(i):
    while True:
        hdr = b''
        while not hdr.endswith(b'\r\n\r\n'):
            hdr += p.stdout.read(1)
        n = int([l for l in hdr.split(b'\r\n') if l.lower().startswith(b'content-length')][0].split(b':')[1])
        body = p.stdout.read(n)
        if b'"id":%d' % i in body[:200] or b'"id": %d' % i in body[:200]:
            return body
uri = 'file://' + os.path.abspath(path)
send({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{},"initializationOptions":{"today":"2026-11-23","journal":os.path.abspath(path)}}}); recv_id(1)
send({"jsonrpc":"2.0","method":"initialized","params":{}})
send({"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":uri,"languageId":"upward","version":1,"text":text}}})
send({"jsonrpc":"2.0","id":2,"method":"textDocument/documentSymbol","params":{"textDocument":{"uri":uri}}}); recv_id(2)
t=time.time()
send({"jsonrpc":"2.0","id":3,"method":"textDocument/documentSymbol","params":{"textDocument":{"uri":uri}}}); b=recv_id(3)
print("second outline: %.3f s, %d bytes" % (time.time()-t, len(b)), flush=True)
send({"jsonrpc":"2.0","id":4,"method":"shutdown"}); recv_id(4)
send({"jsonrpc":"2.0","method":"exit"}); p.stdin.close(); p.wait()
