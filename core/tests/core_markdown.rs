//! Every construct the hand-written Markdown parser handles, and what it refuses.

use paygrade_core::model::{Block, Inline};
use paygrade_core::parse::parse_markdown;

fn text(s: &str) -> Inline {
    Inline::Text(s.to_string())
}

fn inlines(markdown: &str) -> Vec<Inline> {
    match parse_markdown(markdown).as_slice() {
        [Block::Paragraph(inlines)] => inlines.clone(),
        other => panic!("expected one paragraph, got {other:?}"),
    }
}

#[test]
fn atx_headings_of_every_level() {
    let blocks = parse_markdown(
        "# One\n## Two ##\n### Three\n#### Four\n##### Five\n###### Six\n####### Seven\n#NoSpace",
    );
    let levels: Vec<u8> = blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading { level, .. } => Some(*level),
            _ => None,
        })
        .collect();
    assert_eq!(levels, vec![1, 2, 3, 4, 5, 6]);
    assert_eq!(
        blocks[1],
        Block::Heading {
            level: 2,
            text: vec![text("Two")]
        }
    );
    assert_eq!(
        blocks[6],
        Block::Paragraph(vec![text("####### Seven #NoSpace")])
    );
}

#[test]
fn paragraphs_join_lines_and_split_on_blank_lines() {
    let blocks = parse_markdown("first line\nsecond line\r\n\nnext");
    assert_eq!(
        blocks,
        vec![
            Block::Paragraph(vec![text("first line second line")]),
            Block::Paragraph(vec![text("next")])
        ]
    );
}

#[test]
fn bullet_lists_with_each_marker() {
    for marker in ['-', '*', '+'] {
        let blocks = parse_markdown(&format!("{marker} one\n{marker} two\n  continued\n"));
        assert_eq!(
            blocks,
            vec![Block::List {
                ordered: false,
                items: vec![vec![text("one")], vec![text("two continued")]]
            }]
        );
    }
}

#[test]
fn ordered_lists_and_list_kind_changes() {
    let blocks = parse_markdown("1. one\n2) two\n- bullet");
    assert_eq!(
        blocks,
        vec![
            Block::List {
                ordered: true,
                items: vec![vec![text("one")], vec![text("two")]]
            },
            Block::List {
                ordered: false,
                items: vec![vec![text("bullet")]]
            },
        ]
    );
}

#[test]
fn nested_items_are_flattened_into_the_list() {
    let blocks = parse_markdown("- one\n  - nested\n    1. deeper\n- two");
    assert_eq!(
        blocks,
        vec![Block::List {
            ordered: false,
            items: vec![
                vec![text("one")],
                vec![text("nested")],
                vec![text("deeper")],
                vec![text("two")]
            ]
        }]
    );
}

#[test]
fn thematic_breaks_separate_blocks_and_vanish() {
    assert_eq!(
        parse_markdown("a\n---\nb\n* * *\n"),
        vec![
            Block::Paragraph(vec![text("a")]),
            Block::Paragraph(vec![text("b")])
        ]
    );
}

#[test]
fn strong_and_emphasis_with_both_markers() {
    assert_eq!(
        inlines("**a** __b__"),
        vec![
            Inline::Strong(vec![text("a")]),
            text(" "),
            Inline::Strong(vec![text("b")])
        ]
    );
    assert_eq!(
        inlines("*a* _b_"),
        vec![
            Inline::Emphasis(vec![text("a")]),
            text(" "),
            Inline::Emphasis(vec![text("b")])
        ]
    );
    assert_eq!(
        inlines("*a **b** c*"),
        vec![Inline::Emphasis(vec![
            text("a "),
            Inline::Strong(vec![text("b")]),
            text(" c")
        ])]
    );
    assert_eq!(
        inlines("***both***"),
        vec![Inline::Strong(vec![Inline::Emphasis(vec![text("both")])])]
    );
}

#[test]
fn underscores_inside_words_and_lone_stars_stay_text() {
    assert_eq!(inlines("snake_case_name"), vec![text("snake_case_name")]);
    assert_eq!(inlines("2 * 3 * 4"), vec![text("2 * 3 * 4")]);
    assert_eq!(inlines("**unclosed"), vec![text("**unclosed")]);
}

#[test]
fn code_spans_keep_their_content_literal() {
    assert_eq!(
        inlines("run `cargo *test*` now"),
        vec![
            text("run "),
            Inline::Code("cargo *test*".into()),
            text(" now")
        ]
    );
    assert_eq!(inlines("`` a ` b ``"), vec![Inline::Code("a ` b".into())]);
    assert_eq!(inlines("`unclosed"), vec![text("`unclosed")]);
}

#[test]
fn links_relative_and_absolute() {
    assert_eq!(
        inlines("see [team page](/handbook/company/team/) and [**docs**](https://docs.example \"Docs\")"),
        vec![
            text("see "),
            Inline::Link { href: "/handbook/company/team/".into(), children: vec![text("team page")] },
            text(" and "),
            Inline::Link { href: "https://docs.example".into(), children: vec![Inline::Strong(vec![text("docs")])] },
        ]
    );
    for href in [
        "./x.md",
        "#anchor",
        "x.html",
        "mailto:hr@example.com",
        "https://en.wikipedia.org/wiki/A_(b)",
    ] {
        assert_eq!(
            inlines(&format!("[t]({href})")),
            vec![Inline::Link {
                href: href.into(),
                children: vec![text("t")]
            }],
            "{href}"
        );
    }
    assert_eq!(inlines("[not a link] (x)"), vec![text("[not a link] (x)")]);
}

#[test]
fn autolinks_for_web_and_mail_only() {
    assert_eq!(
        inlines("<https://example.com/a>"),
        vec![Inline::Link {
            href: "https://example.com/a".into(),
            children: vec![text("https://example.com/a")]
        }]
    );
    assert_eq!(
        inlines("<mailto:a@b.c>"),
        vec![Inline::Link {
            href: "mailto:a@b.c".into(),
            children: vec![text("mailto:a@b.c")]
        }]
    );
    assert_eq!(
        inlines("<javascript:alert(1)>"),
        vec![text("<javascript:alert(1)>")]
    );
}

#[test]
fn dangerous_link_targets_become_plain_text() {
    for href in [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD4=",
        "vbscript:msgbox(1)",
        "file:///etc/passwd",
        "java\tscript:alert(1)",
        "javascript&colon;alert(1)",
        "java&#x09;script:alert(1)",
        "%6Aavascript:alert(1)",
    ] {
        let parsed = inlines(&format!("[click *me*]({href})"));
        assert!(!contains_link(&parsed), "{href:?}: {parsed:?}");
        if !href.contains('\t') {
            assert_eq!(
                parsed,
                vec![text("click "), Inline::Emphasis(vec![text("me")])],
                "{href:?}"
            );
        }
    }
}

fn contains_link(inlines: &[Inline]) -> bool {
    inlines.iter().any(|inline| match inline {
        Inline::Link { .. } => true,
        Inline::Strong(children) | Inline::Emphasis(children) => contains_link(children),
        Inline::Text(_) | Inline::Code(_) => false,
    })
}

#[test]
fn raw_html_is_never_interpreted() {
    assert_eq!(
        inlines("<script>alert(1)</script>"),
        vec![text("<script>alert(1)</script>")]
    );
    assert_eq!(
        inlines("a <b>bold</b> <img src=x onerror=alert(1)>"),
        vec![text("a <b>bold</b> <img src=x onerror=alert(1)>")]
    );
    assert_eq!(
        parse_markdown("<div>\nx\n</div>"),
        vec![Block::Paragraph(vec![text("<div> x </div>")])]
    );
}

#[test]
fn backslash_escapes_make_markers_literal() {
    assert_eq!(
        inlines(r"\*not em\* \_x\_ \[y\](z) \` a\\b \q"),
        vec![text(r"*not em* _x_ [y](z) ` a\b \q")]
    );
}

#[test]
fn deep_nesting_does_not_overflow_the_stack() {
    let depth = 100_000;
    let markdown = format!("{}x{}", "*a ".repeat(depth), " a*".repeat(depth));
    let blocks = parse_markdown(&markdown);
    assert_eq!(blocks.len(), 1);
    let brackets = format!("{}x{}", "[".repeat(depth), "](y)".repeat(depth));
    assert_eq!(parse_markdown(&brackets).len(), 1);
}

#[test]
fn hostile_input_parses_in_linear_ish_time() {
    let size = 200_000;
    let started = std::time::Instant::now();
    for piece in [
        "**a ", "*a ", "_a ", "`a ", "[a](", "[a", "<a ", "`` a ` ", "\\", "***b", "a_",
    ] {
        let input = piece.repeat(size / piece.len());
        let blocks = parse_markdown(&input);
        assert_eq!(blocks.len(), 1, "{piece}");
    }
    let lines = "- item\n".repeat(50_000) + &"# h\n".repeat(50_000);
    assert_eq!(parse_markdown(&lines).len(), 50_001);
    assert!(
        started.elapsed().as_secs() < 20,
        "took {:?}",
        started.elapsed()
    );
}
