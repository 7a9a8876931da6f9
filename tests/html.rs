//! `--format html`: each page parses as HTML5 without errors, holds no script and names no
//! outside resource, and shows what its report holds (titles, verdicts, figures, evidence);
//! golden files for the samples; commands without a page refuse the format.

#[path = "golden/support.rs"]
mod support;

use scraper::{Html, Selector};
use support::{golden, journal_file, run, upward};

fn sel(css: &str) -> Selector {
    Selector::parse(css).expect("selector")
}

/// Parses a page, failing on any HTML5 parse error, a script, an outside URL in `src`,
/// `href` or a style sheet's `url()`, or a missing title, charset or viewport.
fn parse(page: &str) -> Html {
    assert!(page.starts_with("<!DOCTYPE html>\n"), "no doctype");
    let html = Html::parse_document(page);
    assert!(
        html.errors.is_empty(),
        "HTML5 parse errors: {:?}",
        html.errors
    );
    assert_eq!(
        html.select(&sel("script")).count(),
        0,
        "a page holds a script"
    );
    for el in html.select(&sel(
        "[src], [href], [srcset], link, iframe, object, embed, img",
    )) {
        for (name, value) in el.value().attrs() {
            if matches!(name, "src" | "href" | "srcset" | "xlink:href") {
                assert!(
                    value.starts_with('#'),
                    "{name}={value:?} points outside the page"
                );
            }
        }
        assert!(!matches!(
            el.value().name(),
            "link" | "iframe" | "object" | "embed" | "img"
        ));
    }
    for style in html.select(&sel("style")) {
        let css: String = style.text().collect();
        assert!(!css.contains("url("), "the style sheet loads something");
        assert!(
            !css.contains("@import"),
            "the style sheet imports something"
        );
    }
    for attr in ["style", "onload", "onclick", "onerror"] {
        assert_eq!(
            html.select(&sel(&format!("[{attr}]"))).count(),
            0,
            "{attr} attribute"
        );
    }
    assert_eq!(html.select(&sel("head > meta[charset='utf-8']")).count(), 1);
    assert_eq!(html.select(&sel("head > meta[name='viewport']")).count(), 1);
    assert_eq!(html.select(&sel("head > title")).count(), 1);
    html
}

fn texts(html: &Html, css: &str) -> Vec<String> {
    html.select(&sel(css))
        .map(|e| e.text().collect::<String>())
        .collect()
}

fn all_text(html: &Html) -> String {
    html.root_element().text().collect()
}

/// Every chart is an `<svg role="img">` with a title, and each figure has a table.
fn charts(html: &Html, section: &str) -> Vec<String> {
    let titles = texts(html, &format!("#{section} svg[role='img'] > title"));
    assert!(!titles.is_empty(), "#{section} has no chart");
    assert!(
        html.select(&sel(&format!("#{section} figure + details table")))
            .count()
            >= 1,
        "#{section}'s chart has no table"
    );
    titles
}

const DEMO: &[&str] = &["-f", "samples/engineer/journal.up", "--today", "2026-11-23"];

fn demo(args: &[&str]) -> String {
    let mut all = DEMO.to_vec();
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "html"]);
    run(&all)
}

#[test]
fn report_page_shows_the_quarter() {
    let page = demo(&["report", "--period", "2026-09-01..2026-11-23"]);
    let html = parse(&page);
    assert_eq!(texts(&html, "h1"), ["Report 2026-09-01 to 2026-11-23"]);
    for section in ["priorities", "share", "calendar", "promises"] {
        charts(&html, section);
    }
    // Lanes: rank and boss written in, changes marked, the boss change visible.
    let lanes: String = texts(&html, "#priorities svg").concat();
    assert!(lanes.contains("rank 1 · @maria") && lanes.contains("rank 1 · @dev"));
    assert!(lanes.contains("2026-11-09: Pick a tax vendor for 2027 (#tax) — now @dev's, dropped"));
    let boss_changes = texts(&html, "#priorities rect.boss > title");
    assert!(
        boss_changes
            .iter()
            .any(|t| t.contains("passed from @maria to @dev")),
        "{boss_changes:?}"
    );
    // Share: unaligned work is stacked and named.
    let share = texts(&html, "#share svg title").concat();
    assert!(share.contains("unaligned, 1 of"), "{share}");
    assert!(share.contains("Quieter billing on-call (#oncall)"));
    // Calendar: met, missed and excused periods, with a title each.
    let cells = texts(&html, "#calendar svg rect > title");
    for mark in [", met", ", missed", ", excused", ", open"] {
        assert!(cells.iter().any(|c| c.ends_with(mark)), "no {mark} cell");
    }
    assert!(cells.contains(&"2026-W38 check-ins with @maria (weekly): 0 of 1, missed".to_string()));
    // Promises: every verdict named, with the counts in the legend.
    let verdicts = texts(&html, "#promises td .verdict");
    assert_eq!(verdicts.iter().filter(|v| *v == "kept").count(), 5);
    assert_eq!(verdicts.iter().filter(|v| *v == "broken").count(), 2);
    assert_eq!(verdicts.iter().filter(|v| *v == "dropped").count(), 1);
    let legend = texts(&html, "#promises ul.legend li").join("|");
    assert!(
        legend.contains("kept (5)|late (0)|broken (2)|dropped (1)|open (0)"),
        "{legend}"
    );
    // Figures, wins and warnings with file:line.
    let figures = texts(&html, "ul.figures li").join("|");
    assert!(figures.contains("16pieces of work") && figures.contains("5 of 7promises kept"));
    let wins = texts(&html, "#wins li").join("|");
    assert!(
        wins.contains("-71% Billing pages down from 31 to 9 a week")
            && wins.contains("samples/engineer/journal.up:124")
    );
    let warnings = texts(&html, "#warnings td").join("|");
    assert!(
        warnings.contains("promise-overdue|")
            && warnings.contains("samples/engineer/journal.up:174")
    );
}

#[test]
fn report_page_for_a_week_and_for_an_empty_period() {
    for period in ["last-week", "this-week", "2026-12"] {
        let html = parse(&demo(&["report", "--period", period]));
        assert!(html.select(&sel("section")).count() >= 4, "{period}");
    }
    let html = parse(&demo(&["report", "--period", "2020-01"]));
    assert!(all_text(&html).contains("No promise was due, done or overdue in this period."));
}

#[test]
fn journal_text_is_escaped() {
    let (_dir, path) = journal_file(
        "boss @b Bo <b>\n  cadence: weekly\n\
         2026-11-02 priority #x @b rank:1 Ship <script>alert(1)</script> & more\n\
         2026-11-03 did #x Wrote \"quotes\" and 'apostrophes' <img src=http://e.x/a.png>\n\
         2026-11-04 win #x impact:+3 Closed <a href='https://e.x'>three</a>\n",
    );
    let path = path.to_str().expect("utf-8 path");
    let page = run(&[
        "-f",
        path,
        "--today",
        "2026-11-08",
        "report",
        "--format",
        "html",
    ]);
    let html = parse(&page);
    assert!(page.contains("Ship &lt;script&gt;alert(1)&lt;/script&gt; &amp; more"));
    assert!(all_text(&html).contains("Closed <a href='https://e.x'>three</a>"));
}

#[test]
fn commands_without_a_page_refuse_html() {
    let home = tempfile::tempdir().expect("tempdir");
    for (args, formats) in [
        (&["agenda"][..], "use --format term, md, json or csv"),
        (&["draft"][..], "use --format term, md or json"),
        (&["check"][..], "use --format term, json or csv"),
        (&["export"][..], "use --format term or json"),
    ] {
        let out = upward(home.path())
            .args(DEMO)
            .args(args)
            .args(["--format", "html"])
            .output()
            .expect("run");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("has no html format") && err.contains(formats),
            "{err}"
        );
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn streaks_page_has_the_table_and_the_heatmap() {
    let html = parse(&demo(&["streaks"]));
    assert_eq!(texts(&html, "h1"), ["Streaks on 2026-11-23"]);
    assert_eq!(texts(&html, "section h2"), ["Dev Patel (@dev)"]);
    let table = texts(&html, "section table td").join("|");
    assert!(
        // A Monday: the week has all its working days left, so nothing is at risk.
        table.contains("check-ins (weekly)|6 weeks|6 weeks|no|2026-10-05 to 2026-11-22"),
        "{table}"
    );
    let cells = texts(&html, "svg.heatmap rect > title");
    assert_eq!(cells.len(), 26 * 7);
    assert!(
        cells.contains(&"2026-11-17 (Tue): 3 entries".to_string()),
        "{cells:?}"
    );
    assert!(cells.iter().any(|c| c.ends_with(": away")));
}

#[test]
fn brag_page_prints_a_priority_a_page() {
    let page = demo(&["brag"]);
    let html = parse(&page);
    // Every priority group after the first starts a printed page; the feedback follows the
    // last group on its page.
    let groups = html.select(&sel("section[id^='group-']")).count();
    assert!(groups >= 3);
    assert_eq!(
        html.select(&sel("section[id^='group-'].break-before"))
            .count(),
        groups - 1
    );
    assert_eq!(
        html.select(&sel("section#feedback.break-before")).count(),
        0
    );
    assert_eq!(html.select(&sel("section#feedback")).count(), 1);
    assert!(page.contains("@page {") && page.contains(".break-before { break-before: page; }"));
    assert!(page.contains("counter(page)"), "printed pages are numbered");
    // A date in the title never breaks at its hyphens.
    assert_eq!(texts(&html, "h1 span.nobr"), ["2025-11-23", "2026-11-23"]);
    let evidence = texts(&html, "section li code.at");
    assert!(
        evidence.contains(&"samples/engineer/journal.up:244".to_string()),
        "{evidence:?}"
    );
    assert!(all_text(&html).contains("48k First EU wave live"));
}

const SHARED: &str = "boss @maria Maria Chen\n  cadence: weekly\n\
    2026-11-02 priority #billing @maria rank:1 Ship billing v2\n\
    2026-11-03 did #billing Wrote the billing runbook with @omar\n\
    2026-11-04 did #billing #private Interviewed at another company\n\
    2026-11-05 win #billing impact:+3 Maria Chen signed off three invoices\n\
    2026-11-05 checkin @maria dur:30m Weekly\n\
    2026-11-02 priority #interviews #private rank:2 Find a new job\n\
    2026-11-06 did #interviews Read the design docs\n";

#[test]
fn private_entries_stay_off_the_page_and_redact_replaces_people() {
    let (_dir, path) = journal_file(SHARED);
    let path = path.to_str().expect("utf-8 path");
    let report = |extra: &[&str]| {
        let mut args = vec![
            "-f",
            path,
            "--today",
            "2026-11-08",
            "report",
            "--format",
            "html",
        ];
        args.extend_from_slice(extra);
        run(&args)
    };
    let page = report(&[]);
    let html_of = |page: &str| parse(page);
    parse(&page);
    assert!(!page.contains("another company") && page.contains("Wrote the billing runbook"));
    let figures = texts(&html_of(&page), "ul.figures li").join("|");
    assert!(figures.starts_with("3pieces of work"), "{figures}");
    assert!(
        !page.contains("Find a new job"),
        "a private priority has a lane"
    );
    assert!(texts(&html_of(&page), "#work h3").contains(&"Outside the priorities".to_string()));
    let all = report(&["--private"]);
    assert!(all.contains("Interviewed at another company") && all.contains("Find a new job"));
    let redacted = report(&["--redact"]);
    parse(&redacted);
    for secret in ["another company", "Maria", "maria", "omar", "Omar"] {
        assert!(
            !redacted.contains(secret),
            "{secret} is on the redacted page"
        );
    }
    assert!(redacted.contains("@boss-1") && redacted.contains("person-1"));
    // Other formats are unchanged unless --redact is given.
    let md = run(&[
        "-f",
        path,
        "--today",
        "2026-11-08",
        "report",
        "--format",
        "md",
    ]);
    assert!(md.contains("another company"));
    let md = run(&[
        "-f",
        path,
        "--today",
        "2026-11-08",
        "report",
        "--format",
        "md",
        "--redact",
    ]);
    assert!(!md.contains("another company") && !md.contains("Maria"));
    for command in ["streaks", "brag"] {
        let page = run(&[
            "-f",
            path,
            "--today",
            "2026-11-08",
            command,
            "--format",
            "html",
            "--redact",
        ]);
        parse(&page);
        assert!(
            !page.contains("Maria") && !page.contains("another company"),
            "{command}"
        );
    }
}

#[test]
fn golden_pages() {
    for (name, args) in [
        (
            "demo-report-quarter.html",
            &["report", "--period", "2026-09-01..2026-11-23"][..],
        ),
        (
            "demo-report-last-week.html",
            &["report", "--period", "last-week"][..],
        ),
    ] {
        golden(name, &demo(args));
    }
    golden("demo-streaks.html", &demo(&["streaks"]));
    golden("demo-brag.html", &demo(&["brag"]));
    golden(
        "team-report-month.html",
        &run(&[
            "-f",
            "samples/pm",
            "--today",
            "2026-11-23",
            "report",
            "--period",
            "this-month",
            "--format",
            "html",
        ]),
    );
}

#[test]
fn pages_have_light_dark_phone_and_print_styles() {
    let page = demo(&["streaks"]);
    let html = parse(&page);
    let css: String = html.select(&sel("style")).flat_map(|s| s.text()).collect();
    for rule in [
        "@media screen and (prefers-color-scheme: dark)",
        "@media (max-width: 40rem)",
        "@media print",
        "@page {",
    ] {
        assert!(css.contains(rule), "no {rule}");
    }
    let policy = html
        .select(&sel("meta[http-equiv='Content-Security-Policy']"))
        .next()
        .and_then(|m| m.value().attr("content"))
        .expect("a content security policy");
    assert!(policy.starts_with("default-src 'none'"), "{policy}");
}

/// People joined to other characters, a compound surname, people known only by an id, a
/// positive feedback with the boss's words, work with a number, and `#private` entries.
const NAMES: &str = "\
boss @aoife Aoife O'Brien-Walsh
  cadence: weekly
  channel: maria_slack
2026-11-02 priority #billing @aoife rank:1 Ship billing v2 for O'Brien-Walsh
2026-11-02 priority #aoife-asks @aoife rank:2 What Aoife asks for
2026-11-02 priority #leaving #private rank:3 Find a new job
2026-11-03 did #billing #maria_1on1 Cut invoice time by 40% with @maria and @sam.k
2026-11-04 did #billing #private Interviewed at another company, 3 rounds
2026-11-05 win #billing impact:+3 Sam and Maria signed off three invoices for Walsh
2026-11-05 checkin @aoife dur:30m Weekly #mariachen
  - Brien liked the #maria2026 plan
2026-11-06 feedback @aoife tone:positive Praise for the runbook from Aoife
  > Great work, tell Sam and Maria too
2026-11-06 update @aoife via:maria_slack Sent the weekly to O'Brien
2026-11-07 promise ^seanidea @aoife due:2026-11-20 Write up @sean's batch idea
2026-11-07 initiative #aoife-asks #seanidea Started Sean's batch idea, 2 teams
";

/// Every text and attribute value a reader or a scraper gets from a page (not its style
/// sheet or class names), lowercase, with the roles (`boss-1`, `person-2`) taken out.
fn visible(html: &Html) -> String {
    let mut out = String::new();
    for node in html.tree.nodes() {
        match node.value() {
            scraper::Node::Text(t) => {
                let in_style = node
                    .ancestors()
                    .any(|a| a.value().as_element().is_some_and(|e| e.name() == "style"));
                if !in_style {
                    out.push_str(t);
                    out.push('\n');
                }
            }
            scraper::Node::Element(e) => {
                for (name, value) in e.attrs() {
                    if !matches!(name, "class" | "style") {
                        out.push_str(value);
                        out.push('\n');
                    }
                }
            }
            _ => {}
        }
    }
    let mut out = out.to_lowercase();
    for role in ["boss-", "person-"] {
        while let Some(at) = out.find(role) {
            let end = out[at + role.len()..]
                .find(|c: char| !c.is_ascii_digit())
                .map_or(out.len(), |n| at + role.len() + n);
            out.replace_range(at..end, "");
        }
    }
    out
}

fn names_page(path: &str, command: &str, extra: &[&str]) -> Html {
    let mut args = vec!["-f", path, "--today", "2026-11-08", command];
    args.extend_from_slice(&["--format", "html"]);
    args.extend_from_slice(extra);
    parse(&run(&args))
}

#[test]
fn redacted_pages_hold_no_part_of_any_name() {
    let (_dir, path) = journal_file(NAMES);
    let path = path.to_str().expect("utf-8 path");
    for command in ["report", "streaks", "brag"] {
        let words = visible(&names_page(path, command, &["--redact"]));
        for part in ["aoife", "o'brien", "brien", "walsh", "maria", "sam", "sean"] {
            assert!(
                !words.contains(part),
                "`{part}` is on the redacted {command} page:\n{words}"
            );
        }
        for secret in ["another company", "new job", "great work"] {
            assert!(
                !words.contains(secret),
                "`{secret}` is on the redacted {command} page"
            );
        }
    }
    // What is not a name stays, scrubbed as export scrubs it.
    let brag = visible(&names_page(path, "brag", &["--redact"]));
    for kept in [
        "cut invoice time by 40% with @ and @",
        "signed off three invoices for",
        "praise for the runbook from",
        "started 's batch idea, 2 teams",
    ] {
        assert!(
            brag.contains(kept),
            "`{kept}` is not on the brag page:\n{brag}"
        );
    }
}

#[test]
fn private_entries_appear_only_when_asked_for() {
    let (_dir, path) = journal_file(NAMES);
    let path = path.to_str().expect("utf-8 path");
    for command in ["report", "streaks", "brag"] {
        let words = visible(&names_page(path, command, &[]));
        for secret in ["another company", "new job"] {
            assert!(
                !words.contains(secret),
                "`{secret}` is on the {command} page"
            );
        }
    }
    for command in ["report", "brag"] {
        let words = visible(&names_page(path, command, &["--private"]));
        assert!(words.contains("another company"), "{command} --private");
    }
}

#[test]
fn the_brag_page_holds_positive_feedback_with_the_bosss_words() {
    let (_dir, path) = journal_file(NAMES);
    let path = path.to_str().expect("utf-8 path");
    let html = names_page(path, "brag", &[]);
    let feedback = texts(&html, "#feedback li").join("|");
    assert!(
        feedback.contains("Praise for the runbook from Aoife")
            && feedback.contains("Great work, tell Sam and Maria too"),
        "{feedback}"
    );
    assert_eq!(texts(&html, "#feedback blockquote").len(), 1);
    let redacted = names_page(path, "brag", &["--redact"]);
    let feedback = texts(&redacted, "#feedback li").join("|");
    assert!(
        feedback.contains("Praise for the runbook from boss-1") && !feedback.contains("Great"),
        "the quote goes, as export --redact drops it: {feedback}"
    );
}
