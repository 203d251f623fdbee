//! The hostile-data corpus (`tests/corpus/`): every malformed or hostile file goes through the
//! parser of its kind and must give its expected located errors, never a panic; every role page
//! must come out inert, both as a tree and as the HTML the components render from it.
//!
//! `tests/corpus/cases.txt` lists the cases and what each must give. Big inputs (a 1 MB line,
//! a 2 MB page, a 5 MB table) are generated here at run time so the repository stays small.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/inert.rs"]
mod inert;
use inert::is_inert_href;

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use paygrade::model::{plain_text, Block, DataError, HiringStep, Inline, Role};
use paygrade::parse::{
    load_dataset, parse_currencies, parse_grades, parse_locations, parse_manifest, parse_markdown,
    parse_role,
};
use paygrade::ui::components::hiring_timeline::HiringTimelineProps;
use paygrade::ui::components::rich_text::RichTextProps;
use paygrade::ui::components::role_details::RoleDetailsProps;
use paygrade::ui::components::{HiringTimeline, RichText, RoleDetails};
use yew::LocalServerRenderer;

/// A case may take this long even for the generated megabyte inputs in a debug build.
const TIME_BUDGET: Duration = Duration::from_secs(20);

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus")
}

/// One expected problem: its line and field (`None` for "-"; `*` for either), and a fragment of
/// its sentence.
#[derive(Debug)]
struct ExpectedError {
    line: Option<Option<usize>>,
    field: Option<Option<String>>,
    fragment: String,
}

impl ExpectedError {
    fn matches(&self, error: &DataError) -> bool {
        self.line.as_ref().is_none_or(|line| *line == error.line)
            && self
                .field
                .as_ref()
                .is_none_or(|field| *field == error.field)
            && error.message.contains(&self.fragment)
    }
}

/// A case as `cases.txt` states it.
#[derive(Debug, Default)]
struct Case {
    path: String,
    kind: String,
    errors: Vec<ExpectedError>,
    /// Exactly this many problems, when stated.
    error_count: Option<usize>,
    /// Tables: usable rows. Manifest: resolved files. Role: surviving links.
    rows: Option<usize>,
    links: Option<usize>,
    /// Manifest and role: `ok` (usable) or `rejected`.
    outcome: Option<String>,
    /// Text that must survive literally (e.g. `<script>` shown as text).
    literals: Vec<String>,
    /// Dataset: `grades=N locations=N currencies=N roles=N`.
    dataset: Vec<(String, usize)>,
}

/// Reads `cases.txt`: paragraphs of `key value` lines, `#` comments.
fn read_cases() -> Vec<Case> {
    let text = std::fs::read_to_string(corpus_dir().join("cases.txt")).expect("cases.txt");
    let mut cases = Vec::new();
    let mut current: Option<Case> = None;
    for (number, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.starts_with('#') {
            continue;
        }
        if line.is_empty() {
            cases.extend(current.take());
            continue;
        }
        let (key, value) = line.split_once(' ').unwrap_or((line, ""));
        let value = value.trim();
        let where_ = || format!("cases.txt line {}", number + 1);
        if key == "case" {
            cases.extend(current.take());
            current = Some(Case {
                path: value.to_string(),
                ..Case::default()
            });
            continue;
        }
        let case = current
            .as_mut()
            .unwrap_or_else(|| panic!("{}: `{key}` outside a case", where_()));
        match key {
            "kind" => case.kind = value.to_string(),
            "error" => case.errors.push(expected_error(value, &where_())),
            "errors" => case.error_count = Some(value.parse().expect("errors N")),
            "rows" | "files" => case.rows = Some(value.parse().expect("rows N")),
            "links" => case.links = Some(value.parse().expect("links N")),
            "outcome" => case.outcome = Some(value.to_string()),
            "literal" => case.literals.push(unquote(value, &where_())),
            "dataset" => {
                case.dataset = value
                    .split_whitespace()
                    .map(|pair| {
                        let (name, count) = pair.split_once('=').expect("name=N");
                        (name.to_string(), count.parse().expect("a count"))
                    })
                    .collect();
            }
            other => panic!("{}: unknown key `{other}`", where_()),
        }
    }
    cases.extend(current);
    cases
}

/// `"text"`, with `\"`, `\\` and `\t` escapes.
fn unquote(value: &str, where_: &str) -> String {
    let inner = value
        .strip_prefix('"')
        .and_then(|v| v.strip_suffix('"'))
        .unwrap_or_else(|| panic!("{where_}: expected a quoted text, got {value}"));
    let mut out = String::new();
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        match (c, chars.clone().next()) {
            ('\\', Some('t')) => {
                out.push('\t');
                chars.next();
            }
            ('\\', Some(next @ ('"' | '\\'))) => {
                out.push(next);
                chars.next();
            }
            _ => out.push(c),
        }
    }
    out
}

/// `error LINE FIELD "fragment"`, LINE and FIELD being `-` (none) or `*` (any).
fn expected_error(value: &str, where_: &str) -> ExpectedError {
    let mut parts = value.splitn(3, ' ');
    let line = parts.next().unwrap_or_default();
    let field = parts.next().unwrap_or_default();
    let fragment = unquote(parts.next().unwrap_or_default().trim(), where_);
    ExpectedError {
        line: match line {
            "*" => None,
            "-" => Some(None),
            n => Some(Some(n.parse().expect("a line number"))),
        },
        field: match field {
            "*" => None,
            "-" => Some(None),
            name => Some(Some(name.to_string())),
        },
        fragment,
    }
}

/// The bytes of a case: a committed file, or one generated here.
fn case_bytes(path: &str) -> Vec<u8> {
    if let Some(name) = path.strip_prefix("generated/") {
        return generate(name);
    }
    std::fs::read(corpus_dir().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

const GRADES_HEADER: &str = "grade,manager_titles,ic_titles,midpoint,spread,variable\n";
const LOCATIONS_HEADER: &str = "country,area,factor,currency,zone,hiring\n";

fn generate(name: &str) -> Vec<u8> {
    let mut out = String::new();
    match name {
        // One physical line of 1 MB with no line break at all: a header that never ends.
        "one-megabyte-line.csv" => {
            out.push_str("grade,manager_titles,ic_titles,midpoint,spread");
            while out.len() < 1 << 20 {
                out.push_str(",x");
            }
        }
        // A valid header, then a 1 MB number.
        "one-megabyte-number.csv" => {
            out.push_str(GRADES_HEADER);
            out.push_str("4,,Intern,");
            out.push_str(&"9".repeat(1 << 20));
            out.push_str(",0.40,\n12,VP,Fellow,420000,0.40,0.25\n");
        }
        // A 1 MB quoted title: legal, and kept.
        "one-megabyte-title.csv" => {
            out.push_str(GRADES_HEADER);
            out.push_str("4,,\"");
            out.push_str(&"Intern; ".repeat((1 << 20) / 8));
            out.push_str("\",62000,0.40,\n");
        }
        // 110,000 valid rows, about 5 MB, with a duplicate and a bad row at the end.
        "five-megabytes.csv" => {
            out.push_str(LOCATIONS_HEADER);
            let mut row = 0;
            while out.len() < 5 << 20 {
                row += 1;
                out.push_str(&format!(
                    "Country {},\"Area {row}, Region\",0.{:02},EUR,EMEA,yes\n",
                    row % 97,
                    row % 90 + 10
                ));
            }
            out.push_str("Country 1,\"Area 1, Region\",0.5,EUR,EMEA,yes\n");
            out.push_str("Country 1,Bad,abc,EUR,EMEA,yes\n");
        }
        // A manifest nested 100,000 arrays deep.
        "deep-nesting.json" => {
            out.push_str("{\"organisation\": \"Deep\", \"roles\": ");
            out.push_str(&"[".repeat(100_000));
            out.push_str(&"]".repeat(100_000));
            out.push('}');
        }
        // A manifest of 1 MB on one line: a huge role list.
        "one-megabyte-manifest.json" => {
            let roles: Vec<String> = (0..40_000).map(|i| format!("\"r/{i}.md\"")).collect();
            out.push_str(&format!(
                "{{\"organisation\":\"Big\",\"as_of\":\"2026-11-01\",\"reference\":{{\"market\":\"X\",\"currency\":\"USD\"}},\
                 \"tables\":{{\"grades\":\"g.csv\",\"locations\":\"l.csv\",\"currencies\":\"c.csv\"}},\
                 \"roles\":[{}],\"policy\":{{\"rounding\":100}}}}",
                roles.join(",")
            ));
        }
        // A 2 MB role page: long lists, long paragraphs, hostile markup throughout.
        "two-megabyte-page.md" => {
            out.push_str("---\ntitle: Big page\ngrade: 12\n---\n\n#### Responsibilities\n\n");
            let mut item = 0;
            while out.len() < 1 << 20 {
                item += 1;
                out.push_str(&format!(
                    "- Item {item} with **bold**, _em_, `code`, [a link](https://example.com/{item}) \
                     and [a trap](javascript:alert({item})) <script>alert({item})</script>\n"
                ));
            }
            out.push_str("\n#### Overview\n\n");
            while out.len() < 2 << 20 {
                out.push_str("A long paragraph line with *emphasis that never closes and <img src=x onerror=alert(1)> ");
            }
            out.push('\n');
        }
        // A 2 MB single line of unclosed openers: the inline parser must stay near-linear.
        "two-megabyte-openers.md" => {
            out.push_str("---\ntitle: Openers\n---\n\n");
            let openers = ["*a ", "**b ", "_c ", "__d ", "[e ", "<f ", "`g ", "[h](i "];
            let mut index = 0;
            while out.len() < 2 << 20 {
                out.push_str(openers[index % openers.len()]);
                index += 1;
            }
            out.push('\n');
        }
        // 350,000 tiny emphasis spans, each a scope of its own with a failed search inside.
        "many-spans.md" => {
            out.push_str("---\ntitle: Spans\n---\n\n");
            while out.len() < 2 << 20 {
                out.push_str("*__a* ");
            }
            out.push('\n');
        }
        // Backtick runs of every length: each run searches for its own closer.
        "backtick-runs.md" => {
            out.push_str("---\ntitle: Backticks\n---\n\n");
            let mut run = 1;
            while out.len() < 2 << 20 {
                out.push_str(&"`".repeat(run));
                out.push(' ');
                run += 1;
            }
            out.push('\n');
        }
        other => panic!("no generator for {other}"),
    }
    out.into_bytes()
}

/// What running a case produced, to compare with what the case expects.
#[derive(Default)]
struct Outcome {
    errors: Vec<DataError>,
    rows: Option<usize>,
    ok: Option<bool>,
    roles: Vec<Role>,
    /// Markdown parsed on its own (role pages only), rendered with `RichText`.
    markdown: Vec<Block>,
    dataset: Vec<(String, usize)>,
}

fn run_parser(case: &Case) -> Outcome {
    let bytes = case_bytes(&case.path);
    let file = case.path.as_str();
    let mut outcome = Outcome::default();
    match case.kind.as_str() {
        "grades" => {
            let (rows, errors) = parse_grades(file, &bytes);
            (outcome.rows, outcome.errors) = (Some(rows.len()), errors);
        }
        "locations" => {
            let (rows, errors) = parse_locations(file, &bytes);
            (outcome.rows, outcome.errors) = (Some(rows.len()), errors);
        }
        "currencies" => {
            let (rows, errors) = parse_currencies(file, &bytes);
            (outcome.rows, outcome.errors) = (Some(rows.len()), errors);
        }
        "manifest" => match parse_manifest(file, &bytes) {
            Ok(manifest) => {
                let (files, errors) = manifest.files();
                outcome.ok = Some(true);
                (outcome.rows, outcome.errors) = (Some(files.len()), errors);
            }
            Err(errors) => {
                outcome.ok = Some(false);
                outcome.errors = errors;
            }
        },
        "role" => {
            match parse_role(file, &bytes) {
                Ok((role, warnings)) => {
                    outcome.ok = Some(true);
                    outcome.errors = warnings;
                    outcome.roles.push(role);
                }
                Err(errors) => {
                    outcome.ok = Some(false);
                    outcome.errors = errors;
                }
            }
            outcome.markdown = parse_markdown(&String::from_utf8_lossy(&bytes));
        }
        "dataset" => {
            let corpus = corpus_dir();
            let fetch = |path: &str| {
                std::fs::read(corpus.join(path))
                    .map_err(|_| "could not be loaded (HTTP 404 Not Found)".to_string())
            };
            let (dataset, errors) = load_dataset(file, &bytes, &fetch);
            outcome.errors = errors;
            outcome.ok = Some(dataset.is_some());
            if let Some(data) = dataset {
                outcome.dataset = vec![
                    ("grades".into(), data.grades.len()),
                    ("locations".into(), data.locations.len()),
                    ("currencies".into(), data.currencies.len()),
                    ("roles".into(), data.roles.len()),
                ];
                outcome.roles = data.roles;
            }
        }
        other => panic!("unknown kind {other:?}"),
    }
    outcome
}

/// Compares an outcome with the case; returns every mismatch.
fn check(case: &Case, outcome: &Outcome) -> Vec<String> {
    let mut problems = Vec::new();
    let shown = || {
        outcome
            .errors
            .iter()
            .map(|e| format!("    {e:?}"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    for expected in &case.errors {
        if !outcome.errors.iter().any(|error| expected.matches(error)) {
            problems.push(format!("no error like {expected:?}; got:\n{}", shown()));
        }
    }
    if case.errors.is_empty() && case.error_count.is_none() {
        problems.push("states no expected error (write `errors 0` for none)".into());
    }
    if let Some(count) = case.error_count {
        if outcome.errors.len() != count {
            problems.push(format!(
                "{} errors, expected {count}:\n{}",
                outcome.errors.len(),
                shown()
            ));
        }
    }
    // Every problem is located in a file the case names: itself, or (datasets) a file it loads.
    for error in &outcome.errors {
        if case.kind != "dataset" && error.file != case.path {
            problems.push(format!("error names {:?}, not the case's file", error.file));
        }
        if error.line == Some(0) || error.message.trim().is_empty() {
            problems.push(format!("badly located error {error:?}"));
        }
    }
    if let Some(rows) = case.rows {
        if outcome.rows != Some(rows) {
            problems.push(format!("{:?} rows/files, expected {rows}", outcome.rows));
        }
    }
    if let Some(expected) = &case.outcome {
        let ok = match expected.as_str() {
            "ok" => true,
            "rejected" => false,
            other => {
                problems.push(format!("unknown outcome {other:?}"));
                return problems;
            }
        };
        if outcome.ok != Some(ok) {
            problems.push(format!("outcome {:?}, expected {expected}", outcome.ok));
        }
    }
    if !case.dataset.is_empty() && outcome.dataset != case.dataset {
        problems.push(format!(
            "dataset {:?}, expected {:?}",
            outcome.dataset, case.dataset
        ));
    }
    let mut links = Vec::new();
    let mut text = String::new();
    for role in &outcome.roles {
        role_links_and_text(role, &mut links, &mut text);
    }
    blocks_links_and_text(&outcome.markdown, &mut Vec::new(), &mut String::new());
    for href in &links {
        if !is_inert_href(href) {
            problems.push(format!("a link survived with href {href:?}"));
        }
    }
    let mut markdown_links = Vec::new();
    blocks_links_and_text(&outcome.markdown, &mut markdown_links, &mut String::new());
    for href in &markdown_links {
        if !is_inert_href(href) {
            problems.push(format!("parse_markdown kept a link to {href:?}"));
        }
    }
    if let Some(count) = case.links {
        if links.len() != count {
            problems.push(format!(
                "{} links survived, expected {count}: {links:?}",
                links.len()
            ));
        }
    }
    for literal in &case.literals {
        if !text.contains(literal.as_str()) {
            problems.push(format!("{literal:?} is not kept as text"));
        }
    }
    problems
}

fn inlines_links_and_text(content: &[Inline], links: &mut Vec<String>, text: &mut String) {
    for inline in content {
        match inline {
            Inline::Text(t) | Inline::Code(t) => text.push_str(t),
            Inline::Strong(children) | Inline::Emphasis(children) => {
                inlines_links_and_text(children, links, text)
            }
            Inline::Link { href, children } => {
                links.push(href.clone());
                inlines_links_and_text(children, links, text);
            }
        }
    }
    text.push('\n');
}

fn blocks_links_and_text(content: &[Block], links: &mut Vec<String>, text: &mut String) {
    for block in content {
        match block {
            Block::Heading { text: t, .. } | Block::Paragraph(t) => {
                inlines_links_and_text(t, links, text)
            }
            Block::List { items, .. } => {
                for item in items {
                    inlines_links_and_text(&item.content, links, text);
                    blocks_links_and_text(&item.children, links, text);
                }
            }
            Block::Table { header, rows } => {
                for cell in header.iter().chain(rows.iter().flatten()) {
                    inlines_links_and_text(cell, links, text);
                }
            }
        }
    }
}

fn role_links_and_text(role: &Role, links: &mut Vec<String>, text: &mut String) {
    text.push_str(&role.title);
    text.push('\n');
    text.push_str(&role.description);
    text.push('\n');
    blocks_links_and_text(&role.overview, links, text);
    for group in &role.responsibilities {
        for item in &group.items {
            inlines_links_and_text(item, links, text);
        }
    }
    for item in &role.requirements {
        inlines_links_and_text(item, links, text);
    }
    blocks_links_and_text(&role.performance_indicators, links, text);
    blocks_links_and_text(&role.career_ladder, links, text);
    blocks_links_and_text(&role.hiring_intro, links, text);
    fn steps_links_and_text(steps: &[HiringStep], links: &mut Vec<String>, text: &mut String) {
        for step in steps {
            inlines_links_and_text(&step.text, links, text);
            steps_links_and_text(&step.substeps, links, text);
        }
    }
    steps_links_and_text(&role.hiring_steps, links, text);
    for level in &role.levels {
        text.push_str(&level.title);
        text.push('\n');
        blocks_links_and_text(&level.overview, links, text);
        for group in &level.responsibilities {
            for item in &group.items {
                inlines_links_and_text(item, links, text);
            }
        }
        for item in &level.requirements {
            inlines_links_and_text(item, links, text);
        }
    }
    for section in &role.other_sections {
        text.push_str(&plain_text(&section.heading));
        text.push('\n');
        blocks_links_and_text(&section.blocks, links, text);
    }
    // The Relevant Links list is a second copy of links already in the tree.
    links.extend(role.links.iter().map(|link| link.href.clone()));
}

/// Renders what a page shows of a role (details, hiring timeline, the Markdown on its own).
async fn render_role_html(roles: &[Role], markdown: &[Block]) -> Vec<String> {
    let mut pages = Vec::new();
    for role in roles {
        pages.push(
            LocalServerRenderer::<RoleDetails>::with_props(RoleDetailsProps {
                role: role.clone(),
                level: None,
            })
            .hydratable(false)
            .render()
            .await,
        );
        pages.push(
            LocalServerRenderer::<HiringTimeline>::with_props(HiringTimelineProps {
                role: role.clone(),
            })
            .hydratable(false)
            .render()
            .await,
        );
    }
    pages.push(
        LocalServerRenderer::<RichText>::with_props(RichTextProps {
            blocks: markdown.to_vec(),
            heading_base: 3,
        })
        .hydratable(false)
        .render()
        .await,
    );
    pages
}

/// The elements the role components may emit; anything else came from the data.
const ALLOWED_TAGS: &[&str] = &[
    "a", "code", "div", "em", "h2", "h3", "h4", "h5", "h6", "li", "ol", "p", "section", "span",
    "strong", "table", "tbody", "td", "th", "thead", "tr", "ul",
];

/// Walks the rendered HTML's tags (text is escaped, so every `<` opens a real tag) and returns
/// what is wrong: a script, an unknown element, an event attribute or a script/data link.
fn html_problems(html: &str) -> Vec<String> {
    let mut problems = Vec::new();
    if html.to_ascii_lowercase().contains("<script") {
        problems.push("the HTML contains <script".into());
    }
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        let tag_and_more = &rest[open + 1..];
        let Some(close) = tag_and_more.find('>') else {
            problems.push("an unclosed tag".into());
            break;
        };
        let tag = &tag_and_more[..close];
        rest = &tag_and_more[close + 1..];
        if tag.starts_with('/') || tag.starts_with('!') {
            continue;
        }
        let name: String = tag
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if !ALLOWED_TAGS.contains(&name.as_str()) {
            problems.push(format!("element <{name}> in the output"));
        }
        for (attribute, value) in attributes(&tag[name.len()..]) {
            if attribute.starts_with("on") {
                problems.push(format!("event attribute {attribute}= in <{name}>"));
            }
            if matches!(attribute.as_str(), "href" | "src" | "xlink:href" | "action")
                && !is_inert_href(&unescape(&value))
            {
                problems.push(format!("{attribute}=\"{value}\" in <{name}>"));
            }
        }
    }
    problems
}

/// `name="value"` pairs of a tag, as Yew writes them (values always double-quoted).
fn attributes(mut text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    loop {
        text = text.trim_start();
        let name: String = text
            .chars()
            .take_while(|c| !c.is_whitespace() && *c != '=' && *c != '/')
            .collect();
        if name.is_empty() {
            break;
        }
        text = &text[name.len()..];
        let mut value = String::new();
        if let Some(after) = text.strip_prefix("=\"") {
            let end = after.find('"').unwrap_or(after.len());
            value = after[..end].to_string();
            text = after.get(end + 1..).unwrap_or("");
        }
        out.push((name.to_ascii_lowercase(), value));
    }
    out
}

fn unescape(value: &str) -> String {
    value
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

fn escape_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[test]
fn every_corpus_case_gives_its_expected_outcome_and_renders_inert() {
    let cases = read_cases();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a runtime");
    let mut failures = Vec::new();
    for case in &cases {
        let started = Instant::now();
        let result = catch_unwind(AssertUnwindSafe(|| {
            let outcome = run_parser(case);
            let mut problems = check(case, &outcome);
            if !outcome.roles.is_empty() || !outcome.markdown.is_empty() {
                let pages = runtime.block_on(render_role_html(&outcome.roles, &outcome.markdown));
                for html in &pages {
                    problems.extend(html_problems(html));
                }
                for literal in &case.literals {
                    let escaped = escape_text(literal);
                    if !pages.iter().any(|html| html.contains(&escaped)) {
                        problems.push(format!("{escaped:?} is not in the rendered HTML"));
                    }
                }
            }
            problems
        }));
        let elapsed = started.elapsed();
        match result {
            Ok(problems) => failures.extend(
                problems
                    .into_iter()
                    .map(|problem| format!("{}: {problem}", case.path)),
            ),
            Err(panic) => {
                let message = panic
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default();
                failures.push(format!("{}: PANICKED: {message}", case.path));
            }
        }
        if elapsed > TIME_BUDGET {
            failures.push(format!("{}: took {elapsed:?}", case.path));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} corpus cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn the_corpus_has_fifty_cases_and_every_file_is_one() {
    let cases = read_cases();
    assert!(cases.len() >= 50, "only {} cases", cases.len());
    let mut named: Vec<&str> = cases.iter().map(|case| case.path.as_str()).collect();
    named.sort_unstable();
    let before = named.len();
    named.dedup();
    assert_eq!(named.len(), before, "a case is listed twice");
    for case in &cases {
        assert!(
            [
                "grades",
                "locations",
                "currencies",
                "manifest",
                "role",
                "dataset"
            ]
            .contains(&case.kind.as_str()),
            "{}: kind {:?}",
            case.path,
            case.kind
        );
    }
    // Files a dataset case loads are cases of their own, so every committed file is listed.
    let mut files = Vec::new();
    collect_files(&corpus_dir(), &mut files);
    for file in files {
        let relative = file
            .strip_prefix(corpus_dir())
            .expect("inside the corpus")
            .to_string_lossy()
            .replace('\\', "/");
        if relative != "cases.txt" {
            assert!(
                named.contains(&relative.as_str()),
                "{relative} has no case in cases.txt"
            );
        }
    }
}

fn collect_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("the corpus folder").flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_files(&path, out);
        } else {
            out.push(path);
        }
    }
}

#[test]
fn the_html_check_catches_what_it_is_for() {
    assert!(html_problems("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>").is_empty());
    assert!(!html_problems("<p><script>alert(1)</script></p>").is_empty());
    assert!(!html_problems("<p><img src=\"x\" onerror=\"alert(1)\"></p>").is_empty());
    assert!(!html_problems("<a href=\"javascript:alert(1)\">x</a>").is_empty());
    assert!(!html_problems("<a href=\" DATA:text/html,x\">x</a>").is_empty());
    assert!(
        html_problems("<a href=\"https://example.com/?a=1&amp;b=2\" rel=\"noopener\">x</a>")
            .is_empty()
    );
}
