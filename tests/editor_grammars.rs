//! The editor grammars: the TextMate grammar (tokenized with vscode-textmate where node has it,
//! else every regex compiled by node's own engine), the VS Code manifest, and the Vim syntax,
//! loaded in a real vim. Tests that need node or vim say so and pass where they are absent.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::Value;
use upward::syntax::{FieldKey, Kind};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &str) -> String {
    std::fs::read_to_string(root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn on_path(program: &str) -> bool {
    Command::new(program)
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// A line of every kind of token.
const SAMPLE: &str = "; a comment
# Week 45
boss @maria Maria Chen  ; her name
  cadence: weekly
scope #billing
set repitch 45
2026-11-03 09:30 checkin @maria dur:30m Weekly 1:1  ; notes
  - walked through #billing/v2 risks
  [ ] ^risk-memo send the memo due:2026-11-05
  [x] shared the list
  [-] weekend cutover
  ? ask about headcount
  > Keep me posted.
  solution: none yet
2026-11-03 promise ^risk-memo due:2026-11-05 Risk memo
2026-11-03 pitch ^café A café corner
";

/// (line, text on it, Vim group, TextMate scope): what each token must be highlighted as.
const PROBES: &[(usize, &str, &str, &str)] = &[
    (0, ";", "upwardComment", "comment.line.semicolon.upward"),
    (1, "Week", "upwardHeading", "markup.heading.upward"),
    (
        2,
        "boss",
        "upwardDirective",
        "keyword.control.directive.upward",
    ),
    (2, "@maria", "upwardPerson", "variable.other.person.upward"),
    (2, "; her", "upwardComment", "comment.line.semicolon.upward"),
    (
        3,
        "cadence",
        "upwardBodyKey",
        "support.type.property-name.upward",
    ),
    (
        3,
        "weekly",
        "upwardBodyValue",
        "string.unquoted.value.upward",
    ),
    (4, "#billing", "upwardTag", "entity.name.tag.upward"),
    (
        6,
        "2026-11-03",
        "upwardDate",
        "constant.numeric.date.upward",
    ),
    (6, "09:30", "upwardTime", "constant.numeric.time.upward"),
    (6, "checkin", "upwardKind", "keyword.other.kind.upward"),
    (6, "@maria", "upwardPerson", "variable.other.person.upward"),
    (
        6,
        "dur",
        "upwardFieldKey",
        "support.type.property-name.upward",
    ),
    (6, "30m", "upwardFieldValue", "string.unquoted.value.upward"),
    (
        6,
        "; notes",
        "upwardComment",
        "comment.line.semicolon.upward",
    ),
    (7, "-", "upwardNote", "punctuation.definition.list.upward"),
    (7, "#billing/v2", "upwardTag", "entity.name.tag.upward"),
    (
        8,
        "[ ]",
        "upwardActionOpen",
        "constant.language.action.open.upward",
    ),
    (
        8,
        "^risk-memo",
        "upwardHandle",
        "entity.name.function.handle.upward",
    ),
    (
        8,
        "due",
        "upwardFieldKey",
        "support.type.property-name.upward",
    ),
    (
        8,
        "2026-11-05",
        "upwardFieldValue",
        "string.unquoted.value.upward",
    ),
    (
        9,
        "[x]",
        "upwardActionDone",
        "constant.language.action.done.upward",
    ),
    (
        10,
        "[-]",
        "upwardActionDropped",
        "constant.language.action.dropped.upward",
    ),
    (
        11,
        "?",
        "upwardQuestion",
        "keyword.operator.question.upward",
    ),
    (11, "headcount", "upwardQuestion", "meta.question.upward"),
    (
        12,
        ">",
        "upwardQuote",
        "punctuation.definition.quote.upward",
    ),
    (12, "Keep", "upwardQuote", "markup.quote.upward"),
    (
        13,
        "solution",
        "upwardBodyKey",
        "support.type.property-name.upward",
    ),
    (
        13,
        "none yet",
        "upwardBodyValue",
        "string.unquoted.value.upward",
    ),
    (14, "promise", "upwardKind", "keyword.other.kind.upward"),
    (
        14,
        "^risk-memo",
        "upwardHandle",
        "entity.name.function.handle.upward",
    ),
    (
        15,
        "^café",
        "upwardHandle",
        "entity.name.function.handle.upward",
    ),
];

/// Plain words that no rule may claim.
const PLAIN: &[(usize, &str)] = &[(6, "Weekly"), (6, "1:1"), (7, "walked"), (14, "Risk")];

fn column(line: usize, text: &str) -> usize {
    let l = SAMPLE.lines().nth(line).unwrap_or_default();
    l.find(text)
        .unwrap_or_else(|| panic!("`{text}` is not on line {line}"))
}

fn sample_files(dir: &Path) -> Vec<PathBuf> {
    let sample = dir.join("sample.up");
    std::fs::write(&sample, SAMPLE).expect("write sample");
    vec![
        sample,
        root().join("samples/engineer/journal.up"),
        root().join("samples/pm/journal.up"),
        root().join("samples/pm/2026/q3.up"),
    ]
}

// ---------------------------------------------------------------------------------------------
// TextMate

fn grammar() -> Value {
    serde_json::from_str(&read("grammar/upward.tmLanguage.json")).expect("grammar is JSON")
}

fn names(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                match (k.as_str(), v) {
                    ("name" | "contentName", Value::String(s)) => out.push(s.clone()),
                    _ => names(v, out),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| names(v, out)),
        _ => {}
    }
}

fn includes(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                match (k.as_str(), v) {
                    ("include", Value::String(s)) => out.push(s.clone()),
                    _ => includes(v, out),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| includes(v, out)),
        _ => {}
    }
}

#[test]
fn textmate_grammar_has_every_scope_and_the_language_s_words() {
    let g = grammar();
    assert_eq!(g["scopeName"], "source.upward");
    assert_eq!(g["fileTypes"], serde_json::json!(["up"]));
    let mut scopes = Vec::new();
    names(&g, &mut scopes);
    for (_, _, _, scope) in PROBES {
        assert!(scopes.iter().any(|s| s == scope), "no rule names {scope}");
    }
    let mut refs = Vec::new();
    includes(&g, &mut refs);
    for r in refs {
        let key = r
            .strip_prefix('#')
            .unwrap_or_else(|| panic!("external include {r}"));
        assert!(g["repository"][key].is_object(), "unknown include {r}");
    }
    let text = g.to_string();
    let kinds: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
    let keys: Vec<&str> = FieldKey::ALL.iter().map(|k| k.as_str()).collect();
    assert!(
        text.contains(&kinds.join("|")),
        "the kinds in the grammar differ from the language's"
    );
    assert!(
        text.contains(&keys.join("|")),
        "the field keys in the grammar differ from the language's"
    );
}

#[test]
fn vscode_manifest_uses_the_grammar_and_starts_the_server() {
    let manifest: Value =
        serde_json::from_str(&read("editors/vscode/package.json")).expect("package.json is JSON");
    let language = &manifest["contributes"]["languages"][0];
    assert_eq!(language["id"], "upward");
    assert_eq!(language["extensions"], serde_json::json!([".up"]));
    let grammar = &manifest["contributes"]["grammars"][0];
    assert_eq!(grammar["scopeName"], "source.upward");
    assert_eq!(grammar["path"], "./syntaxes/upward.tmLanguage.json");
    let copy = manifest["scripts"]["vscode:prepublish"]
        .as_str()
        .unwrap_or("");
    assert!(
        copy.contains("../../grammar/upward.tmLanguage.json"),
        "{copy}"
    );
    assert!(
        root()
            .join("editors/vscode/../../grammar/upward.tmLanguage.json")
            .is_file()
    );
    let main = manifest["main"].as_str().unwrap_or("");
    let script = read(&format!("editors/vscode/{main}"));
    assert!(script.contains("args: ['lsp']") && script.contains("vscode-languageclient"));
    let config: Value = serde_json::from_str(&read("editors/vscode/language-configuration.json"))
        .expect("language configuration is JSON");
    assert_eq!(config["comments"]["lineComment"], ";");
}

const TOKENIZE_JS: &str = r##"// Tokenizes files with a TextMate grammar and prints, for each line, its tokens and scopes as
// JSON. With vscode-textmate and vscode-oniguruma it uses the real engine; without them it
// compiles every regex with JavaScript's engine and reports which top-level rule matches each line.
const fs = require('fs');
const path = require('path');
const [grammarPath, ...files] = process.argv.slice(2);
const raw = JSON.parse(fs.readFileSync(grammarPath, 'utf8'));
const lines = files.flatMap((f) => fs.readFileSync(f, 'utf8').split(/\r?\n/).map((text) => ({ file: f, text })));

function fallback() {
  const regexes = [];
  const walk = (rule) => {
    for (const key of ['match', 'begin', 'end']) {
      if (typeof rule[key] === 'string') regexes.push(rule[key]);
    }
    for (const sub of rule.patterns || []) walk(sub);
  };
  walk(raw);
  Object.values(raw.repository || {}).forEach(walk);
  const compiled = regexes.map((r) => new RegExp(r, 'u'));
  const resolve = (rule) => (rule.include ? raw.repository[rule.include.slice(1)] : rule);
  const tops = raw.patterns
    .map(resolve)
    .flatMap((r) => (r.patterns && !r.match && !r.begin ? r.patterns.map(resolve) : [r]));
  const out = lines.map(({ file, text }) => {
    const rule = tops.find((r) => new RegExp(r.match || r.begin, 'u').test(text));
    return { file, text, mode: 'regexp', scopes: rule ? [rule.name || 'meta.body.upward'] : [] };
  });
  return { engine: 'javascript', regexes: compiled.length, lines: out };
}

async function real() {
  const vsctm = require('vscode-textmate');
  const onig = require('vscode-oniguruma');
  const wasm = fs.readFileSync(path.join(path.dirname(require.resolve('vscode-oniguruma')), 'onig.wasm'));
  await onig.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns) => new onig.OnigScanner(patterns),
      createOnigString: (s) => new onig.OnigString(s),
    }),
    loadGrammar: async (scope) =>
      scope === raw.scopeName ? vsctm.parseRawGrammar(fs.readFileSync(grammarPath, 'utf8'), grammarPath) : null,
  });
  const grammar = await registry.loadGrammar(raw.scopeName);
  let stack = vsctm.INITIAL;
  let file = null;
  const out = lines.map((l) => {
    if (l.file !== file) {
      stack = vsctm.INITIAL;
      file = l.file;
    }
    const r = grammar.tokenizeLine(l.text, stack);
    stack = r.ruleStack;
    const tokens = r.tokens.map((t) => ({ text: l.text.substring(t.startIndex, t.endIndex), scopes: t.scopes }));
    return { file: l.file, text: l.text, tokens };
  });
  return { engine: 'vscode-textmate', lines: out };
}

let haveEngine = true;
try {
  require.resolve('vscode-textmate');
  require.resolve('vscode-oniguruma');
} catch (e) {
  haveEngine = false;
}
(haveEngine ? real() : Promise.resolve(fallback()))
  .then((result) => process.stdout.write(JSON.stringify(result)))
  .catch((e) => {
    process.stderr.write(String(e && e.stack ? e.stack : e));
    process.exit(1);
  });
"##;

#[test]
fn textmate_grammar_tokenizes_the_samples() {
    if !on_path("node") {
        eprintln!("skipped: node is not installed, so the TextMate grammar was not run");
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let script = dir.path().join("tokenize.js");
    std::fs::write(&script, TOKENIZE_JS).expect("write script");
    let output = Command::new("node")
        .arg(&script)
        .arg(root().join("grammar/upward.tmLanguage.json"))
        .args(sample_files(dir.path()))
        .output()
        .expect("run node");
    assert!(
        output.status.success(),
        "the grammar failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let result: Value = serde_json::from_slice(&output.stdout).expect("JSON from node");
    let lines = result["lines"].as_array().cloned().unwrap_or_default();
    if result["engine"] == "javascript" {
        eprintln!(
            "vscode-textmate and vscode-oniguruma are not installed (put them on NODE_PATH for the \
             real engine); {} regexes compiled with node's engine",
            result["regexes"]
        );
        for l in &lines {
            let text = l["text"].as_str().unwrap_or("");
            let scoped = l["scopes"].as_array().is_some_and(|s| !s.is_empty());
            assert!(text.trim().is_empty() || scoped, "no rule matches {text:?}");
        }
        return;
    }
    // The real engine: every token of the sample as expected, every line of the samples scoped.
    let scopes_at = |line: usize, at: usize| -> Vec<String> {
        let mut start = 0;
        for t in lines[line]["tokens"]
            .as_array()
            .cloned()
            .unwrap_or_default()
        {
            let len = t["text"].as_str().unwrap_or("").chars().count();
            if start <= at && at < start + len {
                return t["scopes"]
                    .as_array()
                    .map(|s| {
                        s.iter()
                            .filter_map(|x| x.as_str().map(String::from))
                            .collect()
                    })
                    .unwrap_or_default();
            }
            start += len;
        }
        Vec::new()
    };
    for &(line, text, _, scope) in PROBES {
        let scopes = scopes_at(line, column(line, text));
        assert!(
            scopes.iter().any(|s| s == scope),
            "line {line} `{text}`: expected {scope}, got {scopes:?}"
        );
    }
    for &(line, text) in PLAIN {
        let scopes = scopes_at(line, column(line, text));
        assert!(
            scopes
                .iter()
                .all(|s| s == "source.upward" || s.starts_with("meta.")),
            "line {line} `{text}` is plain text, got {scopes:?}"
        );
    }
    for l in &lines {
        let text = l["text"].as_str().unwrap_or("");
        let scoped = l["tokens"].as_array().is_some_and(|ts| {
            ts.iter()
                .any(|t| t["scopes"].as_array().is_some_and(|s| s.len() > 1))
        });
        assert!(text.trim().is_empty() || scoped, "no scope on {text:?}");
    }
}

// ---------------------------------------------------------------------------------------------
// Vim

const PROBE_VIM: &str = r#"let s:out = []
for s:p in readfile($UPWARD_PROBES)
  let [s:l, s:c] = split(s:p)
  call add(s:out, synIDattr(synID(str2nr(s:l), str2nr(s:c), 1), 'name'))
endfor
call add(s:out, 'filetype=' . &filetype)
call add(s:out, 'syntax=' . get(b:, 'current_syntax', ''))
call add(s:out, 'commentstring=' . &commentstring)
call add(s:out, 'formatprg=' . &formatprg)
call add(s:out, 'errmsg=' . v:errmsg)
call writefile(s:out, $UPWARD_OUT)
qa!
"#;

#[test]
fn vim_syntax_highlights_the_token_kinds() {
    if !on_path("vim") {
        eprintln!("skipped: vim is not installed, so the Vim syntax was not loaded");
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let files = sample_files(dir.path());
    let probes: Vec<(usize, usize, &str)> = PROBES
        .iter()
        .map(|&(line, text, group, _)| (line, column(line, text), group))
        .chain(
            PLAIN
                .iter()
                .map(|&(line, text)| (line, column(line, text), "")),
        )
        .collect();
    let probe_file = dir.path().join("probes");
    let lines: Vec<String> = probes
        .iter()
        .map(|(l, c, _)| format!("{} {}", l + 1, c + 1))
        .collect();
    std::fs::write(&probe_file, lines.join("\n")).expect("write probes");
    std::fs::write(dir.path().join("probe.vim"), PROBE_VIM).expect("write probe.vim");
    let out = dir.path().join("out");
    let status = Command::new("vim")
        .args(["-Nu", "NONE", "-i", "NONE", "-es"])
        .arg("-c")
        .arg(format!("set rtp^={}", root().join("grammar/vim").display()))
        .args(["-c", "filetype plugin on", "-c", "syntax on", "-c"])
        .arg(format!("edit {}", files[0].display()))
        .arg("-c")
        .arg(format!("source {}", dir.path().join("probe.vim").display()))
        .env("UPWARD_PROBES", &probe_file)
        .env("UPWARD_OUT", &out)
        .env("HOME", dir.path())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("run vim");
    assert!(status.success(), "vim exited with {status}");
    let report = std::fs::read_to_string(&out).expect("vim's report");
    let report: Vec<&str> = report.lines().collect();
    for (i, (line, column, group)) in probes.iter().enumerate() {
        assert_eq!(report[i], *group, "line {} column {}", line + 1, column + 1);
    }
    let tail = &report[probes.len()..];
    assert_eq!(
        tail,
        [
            "filetype=upward",
            "syntax=upward",
            "commentstring=; %s",
            "formatprg=upward fmt --stdin",
            "errmsg=",
        ]
    );
}

#[test]
fn vim_syntax_lists_the_language_s_words() {
    let syntax = read("grammar/vim/syntax/upward.vim");
    let keys: Vec<&str> = FieldKey::ALL.iter().map(|k| k.as_str()).collect();
    assert!(
        syntax.contains(&keys.join("\\|")),
        "the field keys differ from the language's"
    );
    let kinds: Vec<&str> = syntax
        .lines()
        .filter_map(|l| l.strip_prefix("syn keyword upwardKind contained "))
        .flat_map(str::split_whitespace)
        .collect();
    let expected: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
    assert_eq!(kinds, expected);
}
