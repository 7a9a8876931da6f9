//! `upward export`: the versioned JSON model validates against docs/export.schema.json for
//! every sample and valid fixture, plain and redacted; `--redact` leaves no name, no private
//! text and no quote.

use std::path::{Path, PathBuf};
use std::process::Stdio;

use assert_cmd::Command;
use serde_json::{Map, Value};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn upward() -> Command {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin!("upward"));
    cmd.env_remove("UPWARD_JOURNAL")
        .env_remove("UPWARD_TODAY")
        .env("NO_COLOR", "1")
        .current_dir(root());
    cmd
}

/// `upward -f PATH export [extra]`, parsed; the command must succeed.
fn export(path: &Path, extra: &[&str]) -> Value {
    let out = upward()
        .arg("-f")
        .arg(path)
        .arg("export")
        .args(extra)
        .output()
        .expect("run upward");
    assert!(
        out.status.success(),
        "{}: {}",
        path.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("export prints JSON")
}

fn schema() -> Value {
    let text = std::fs::read_to_string(root().join("docs/export.schema.json")).expect("schema");
    serde_json::from_str(&text).expect("the schema is JSON")
}

/// Every journal the schema must accept: the samples and the valid fixtures.
fn journals() -> Vec<PathBuf> {
    let mut paths = vec![
        root().join("samples/engineer/journal.up"),
        root().join("samples/pm"),
        root().join("samples/pm/journal.up"),
    ];
    let mut fixtures: Vec<PathBuf> = std::fs::read_dir(root().join("tests/fixtures/valid"))
        .expect("fixtures")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "up"))
        .collect();
    fixtures.sort();
    assert!(!fixtures.is_empty());
    paths.extend(fixtures);
    paths
}

// A validator for the part of JSON Schema the export schema uses: type, const, enum,
// required, properties, additionalProperties: false, items, anyOf, minimum, minLength,
// pattern (by a table of the patterns used) and $ref into $defs.

fn check_pattern(pattern: &str, s: &str) -> bool {
    let digits = |t: &str, n: usize| t.len() == n && t.bytes().all(|b| b.is_ascii_digit());
    match pattern {
        "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" => {
            let parts: Vec<&str> = s.split('-').collect();
            parts.len() == 3 && digits(parts[0], 4) && digits(parts[1], 2) && digits(parts[2], 2)
        }
        "^[0-9]{2}:[0-9]{2}$" => {
            matches!(s.split_once(':'), Some((h, m)) if digits(h, 2) && digits(m, 2))
        }
        "^(daily|weekly|biweekly|monthly|none|[1-9][0-9]*/(week|month))$" => {
            ["daily", "weekly", "biweekly", "monthly", "none"].contains(&s)
                || s.split_once('/').is_some_and(|(n, unit)| {
                    !n.is_empty()
                        && !n.starts_with('0')
                        && n.bytes().all(|b| b.is_ascii_digit())
                        && (unit == "week" || unit == "month")
                })
        }
        "^(yes|no|@.+)$" => s == "yes" || s == "no" || s.len() > 1 && s.starts_with('@'),
        other => panic!("the test's validator does not know the pattern {other}; add it"),
    }
}

fn type_matches(name: &str, v: &Value) -> bool {
    match name {
        "object" => v.is_object(),
        "array" => v.is_array(),
        "string" => v.is_string(),
        "integer" => v.is_i64() || v.is_u64(),
        "number" => v.is_number(),
        "boolean" => v.is_boolean(),
        "null" => v.is_null(),
        other => panic!("unknown type {other}"),
    }
}

fn validate(root: &Value, schema: &Value, v: &Value, at: &str, errors: &mut Vec<String>) {
    let Some(s) = schema.as_object() else {
        panic!("schema at {at} is not an object");
    };
    for key in s.keys() {
        let known = [
            "$schema",
            "$defs",
            "title",
            "description",
            "type",
            "const",
            "enum",
            "required",
            "properties",
            "additionalProperties",
            "items",
            "anyOf",
            "minimum",
            "minLength",
            "pattern",
            "$ref",
        ];
        assert!(
            known.contains(&key.as_str()),
            "the test's validator does not know `{key}`"
        );
    }
    if let Some(Value::String(r)) = s.get("$ref") {
        let name = r.strip_prefix("#/$defs/").expect("local $ref");
        let target = &root["$defs"][name];
        assert!(!target.is_null(), "$ref to a missing definition {r}");
        validate(root, target, v, at, errors);
    }
    let mut fail = |msg: String| errors.push(format!("{at}: {msg}"));
    match s.get("type") {
        Some(Value::String(t)) if !type_matches(t, v) => fail(format!("not a {t}: {v}")),
        Some(Value::Array(ts)) if !ts.iter().any(|t| type_matches(t.as_str().unwrap_or(""), v)) => {
            fail(format!("not any of {ts:?}: {v}"))
        }
        _ => {}
    }
    if let Some(c) = s.get("const")
        && c != v
    {
        fail(format!("{v} is not {c}"));
    }
    if let Some(Value::Array(options)) = s.get("enum")
        && !options.contains(v)
    {
        fail(format!("{v} is not one of {options:?}"));
    }
    if let (Some(min), Some(n)) = (s.get("minimum").and_then(Value::as_i64), v.as_i64())
        && n < min
    {
        fail(format!("{n} is below {min}"));
    }
    if let Some(text) = v.as_str() {
        if let Some(min) = s.get("minLength").and_then(Value::as_u64)
            && (text.chars().count() as u64) < min
        {
            fail(format!("`{text}` is shorter than {min}"));
        }
        if let Some(p) = s.get("pattern").and_then(Value::as_str)
            && !check_pattern(p, text)
        {
            fail(format!("`{text}` does not match {p}"));
        }
    }
    if let Some(Value::Array(options)) = s.get("anyOf") {
        let ok = options.iter().any(|o| {
            let mut inner = Vec::new();
            validate(root, o, v, at, &mut inner);
            inner.is_empty()
        });
        if !ok {
            errors.push(format!("{at}: {v} matches none of anyOf"));
        }
    }
    if let Some(obj) = v.as_object() {
        validate_object(root, s, obj, at, errors);
    }
    if let (Some(items), Some(array)) = (s.get("items"), v.as_array()) {
        for (i, item) in array.iter().enumerate() {
            validate(root, items, item, &format!("{at}[{i}]"), errors);
        }
    }
}

fn validate_object(
    root: &Value,
    s: &Map<String, Value>,
    obj: &Map<String, Value>,
    at: &str,
    errors: &mut Vec<String>,
) {
    let empty = Map::new();
    let props = s
        .get("properties")
        .and_then(Value::as_object)
        .unwrap_or(&empty);
    for name in s
        .get("required")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let name = name.as_str().expect("required names are strings");
        if !obj.contains_key(name) {
            errors.push(format!("{at}: missing `{name}`"));
        }
    }
    for (key, value) in obj {
        match props.get(key) {
            Some(p) => validate(root, p, value, &format!("{at}.{key}"), errors),
            None if s.get("additionalProperties") == Some(&Value::Bool(false)) => {
                errors.push(format!("{at}: unexpected `{key}`"))
            }
            None => {}
        }
    }
}

fn assert_valid(what: &str, value: &Value) {
    let schema = schema();
    let mut errors = Vec::new();
    validate(&schema, &schema, value, "$", &mut errors);
    assert!(errors.is_empty(), "{what}:\n{}", errors.join("\n"));
}

/// Also asks python3's `jsonschema`, when it is installed, so the schema itself is checked
/// by a full implementation of draft 2020-12.
fn python_validates(docs: &[Value]) -> Option<bool> {
    let probe = std::process::Command::new("python3")
        .args(["-c", "import jsonschema"])
        .stderr(Stdio::null())
        .status()
        .ok()?;
    if !probe.success() {
        return None;
    }
    let script = "import json, sys, jsonschema\n\
        schema = json.load(open(sys.argv[1]))\n\
        jsonschema.Draft202012Validator.check_schema(schema)\n\
        v = jsonschema.Draft202012Validator(schema)\n\
        for doc in json.load(sys.stdin):\n    v.validate(doc)\n";
    let mut child = std::process::Command::new("python3")
        .args(["-c", script])
        .arg(root().join("docs/export.schema.json"))
        .stdin(Stdio::piped())
        .spawn()
        .ok()?;
    let input = serde_json::to_vec(docs).expect("json");
    std::io::Write::write_all(child.stdin.as_mut().expect("stdin"), &input).expect("write");
    drop(child.stdin.take());
    Some(child.wait().ok()?.success())
}

#[test]
fn every_sample_and_valid_fixture_matches_the_schema() {
    let mut docs = Vec::new();
    for path in journals() {
        for extra in [&[][..], &["--redact"][..]] {
            let value = export(&path, extra);
            assert_valid(&format!("{} {extra:?}", path.display()), &value);
            docs.push(value);
        }
    }
    if let Some(ok) = python_validates(&docs) {
        assert!(ok, "python3 jsonschema rejected an export (see stderr)");
    }
}

#[test]
fn the_validator_rejects_what_the_schema_forbids() {
    let mut value = export(&root().join("tests/fixtures/valid/everything.up"), &[]);
    value["entries"][0]["kind"] = Value::from("chekin");
    value["entries"][1]["date"] = Value::from("1 Sept");
    value["entries"][2]["surprise"] = Value::from(true);
    value["bosses"][0]
        .as_object_mut()
        .expect("boss")
        .remove("name");
    value["version"] = Value::from(2);
    let schema = schema();
    let mut errors = Vec::new();
    validate(&schema, &schema, &value, "$", &mut errors);
    assert_eq!(errors.len(), 5, "{errors:#?}");
}

#[test]
fn the_demo_exports_what_it_says() {
    let demo = root().join("samples/engineer/journal.up");
    let value = export(&demo, &[]);
    let model: upward::export::Export =
        serde_json::from_value(value.clone()).expect("the model reads its own JSON back");
    assert_eq!(model.version, 1);
    let ids: Vec<&str> = model.bosses.iter().map(|b| b.id.as_str()).collect();
    assert_eq!(ids, ["maria", "dev"]);
    assert_eq!(model.bosses[0].name, "Maria Chen");
    assert_eq!(
        model.bosses[1].since.map(|d| d.to_string()).as_deref(),
        Some("2026-10-05")
    );
    assert_eq!(model.scope.len(), 6);

    let invoicing = model
        .priorities
        .iter()
        .find(|p| p.key == "invoicing")
        .expect("invoicing");
    assert_eq!(invoicing.changes.len(), 2);
    assert_eq!(invoicing.bosses, ["dev"]);
    assert_eq!(invoicing.changes[0].bosses, ["maria"]);
    assert_eq!(
        invoicing.changes[1].title.as_deref(),
        Some("Invoicing v2 live for every EU customer")
    );

    // Every entry's line is its header in the file.
    let text = std::fs::read_to_string(&demo).expect("demo");
    let lines: Vec<&str> = text.lines().collect();
    for e in &model.entries {
        let line = lines[e.line as usize - 1];
        assert!(line.starts_with(&e.date.to_string()), "{line}");
        assert!(line.contains(&e.kind), "{line}");
        for item in &e.items {
            assert!(item.line > e.line);
        }
    }

    let kickoff = &model
        .entries
        .iter()
        .find(|e| e.text == "@maria Quarter kickoff")
        .expect("kickoff");
    assert_eq!(kickoff.kind, "checkin");
    assert_eq!(kickoff.time.as_deref(), Some("09:30"));
    assert_eq!(kickoff.fields.dur, Some(45));
    let forms: Vec<(&str, Option<&str>)> = kickoff
        .items
        .iter()
        .map(|i| (i.form.as_str(), i.state.as_deref()))
        .collect();
    assert_eq!(
        forms,
        [
            ("note", None),
            ("quote", None),
            ("question", None),
            ("action", Some("open")),
            ("action", Some("done")),
        ]
    );
    assert_eq!(
        kickoff.items[1].text,
        "If invoicing v2 isn't live for EU by the end of October, nothing else on this list matters."
    );
    assert_eq!(kickoff.items[3].handle.as_deref(), Some("rollout-plan"));

    let escalate = model
        .entries
        .iter()
        .find(|e| e.kind == "escalate")
        .expect("escalate");
    assert_eq!(escalate.fields.informed.as_deref(), Some("@maria"));
    assert_eq!(escalate.people, ["priya"]);
    let owned = model
        .entries
        .iter()
        .flat_map(|e| &e.items)
        .find(|i| i.text.starts_with("@dev ask Finance"))
        .expect("owned action");
    assert_eq!(owned.owner.as_deref(), Some("dev"));
    assert_eq!(
        owned.due.map(|d| d.to_string()).as_deref(),
        Some("2026-11-27")
    );
    assert!(
        !owned.text.contains("due:"),
        "fields stay out of text: {}",
        owned.text
    );
}

#[test]
fn a_journal_with_errors_still_exports_and_exits_one() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("j.up");
    std::fs::write(&path, "2026-03-02 did Fixed it #ops\n2026-03-03 chekin x\n").expect("write");
    let out = upward()
        .arg("-f")
        .arg(&path)
        .arg("export")
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    let value: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(value["entries"].as_array().map(Vec::len), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("upward check"));
}

#[test]
fn export_refuses_markdown_and_csv() {
    upward()
        .args([
            "-f",
            "samples/engineer/journal.up",
            "export",
            "--format",
            "csv",
        ])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("has no csv format"));
}

const PRIVATE: &str = "\
boss @maria Maria Chen
  channel: Maria's Slack
boss @dev Dev Patel
  since: 2026-06-01
2026-05-04 checkin @maria Talked roadmap with Maria Chen
  > Keep this between us: the reorg lands in June.
  - Maria wants @sam.k on the rollout, and (@Priya) agrees
  [ ] @sam.k send Maria the numbers
2026-05-05 promise ^job-offer due:2026-05-20 #private Reply to the recruiter about the Acme offer
2026-05-06 did #private/health Dentist at noon, told @lena
  - the crown costs 900
2026-05-07 priority #private/plans @maria rank:4 Leave by summer
2026-05-08 slip ^job-offer due:2026-05-30 recruiter wants references
2026-05-09 escalate @priya informed:@maria Asked Priya about budget
2026-05-10 win #ops impact:+20% Queue 20% faster thanks to Sam.K and Dev
2026-06-02 priority #ops @dev rank:1 Faster queues for dev
  - MARIA agreed, PATEL too
";

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '.'))
        .flat_map(|w| {
            let w = w.trim_matches('.').to_lowercase();
            let mut parts = vec![w.clone()];
            parts.extend(w.split('.').map(str::to_string));
            parts
        })
        .collect()
}

#[test]
fn redaction_leaves_no_name_no_private_text_and_no_quote() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("private.up");
    std::fs::write(&path, PRIVATE).expect("write");
    let value = export(&path, &["--redact"]);
    assert_valid("redacted", &value);
    let text = serde_json::to_string(&value).expect("json");
    let found = words(&text);
    for name in ["maria", "chen", "dev", "patel", "sam.k", "priya", "lena"] {
        assert!(
            !found.iter().any(|w| w == name),
            "`{name}` survived:\n{text}"
        );
    }
    for secret in [
        "recruiter",
        "Acme",
        "job-offer",
        "Dentist",
        "crown",
        "Leave by summer",
        "reorg",
        "Keep this between us",
    ] {
        assert!(!text.contains(secret), "`{secret}` survived:\n{text}");
    }

    let model: upward::export::Export = serde_json::from_value(value).expect("model");
    let ids: Vec<&str> = model.bosses.iter().map(|b| b.id.as_str()).collect();
    assert_eq!(ids, ["boss-1", "boss-2"]);
    assert_eq!(model.bosses[0].name, "boss-1");
    assert_eq!(model.bosses[0].channel.as_deref(), Some("boss-1's Slack"));
    let kinds: Vec<&str> = model.entries.iter().map(|e| e.kind.as_str()).collect();
    assert_eq!(kinds, ["checkin", "escalate", "win", "priority"]);
    let checkin = &model.entries[0];
    assert_eq!(checkin.text, "@boss-1 Talked roadmap with boss-1");
    assert_eq!(checkin.items.len(), 2, "the quote is gone");
    assert_eq!(
        checkin.items[0].text,
        "boss-1 wants @person-1 on the rollout, and (@person-2) agrees"
    );
    assert_eq!(checkin.items[1].owner.as_deref(), Some("person-1"));
    let escalate = &model.entries[1];
    assert_eq!(escalate.people, ["person-2"]);
    assert_eq!(escalate.fields.informed.as_deref(), Some("@boss-1"));
    assert_eq!(
        model.entries[2].text,
        "#ops Queue 20% faster thanks to person-1 and boss-2"
    );
    let keys: Vec<&str> = model.priorities.iter().map(|p| p.key.as_str()).collect();
    assert_eq!(keys, ["ops"], "the private priority is gone");
    assert_eq!(model.priorities[0].bosses, ["boss-2"]);
}

#[test]
fn redacting_the_demo_hides_every_boss_and_person() {
    let value = export(&root().join("samples/engineer/journal.up"), &["--redact"]);
    let text = serde_json::to_string(&value).expect("json");
    let found = words(&text);
    for name in ["maria", "chen", "dev", "patel", "priya", "aisha"] {
        assert!(!found.iter().any(|w| w == name), "`{name}` survived");
    }
    assert!(!text.contains("\"quote\""));
    assert!(!text.contains("nothing else on this list matters"));
    let plain = export(&root().join("samples/engineer/journal.up"), &[]);
    assert_eq!(
        plain["entries"].as_array().map(Vec::len),
        value["entries"].as_array().map(Vec::len),
        "the demo has no private entries"
    );
}
