//! Every construct the hand-written Markdown parser handles, and what it refuses.

use paygrade_core::model::{Block, Inline, ListItem};
use paygrade_core::parse::parse_markdown;

fn text(s: &str) -> Inline {
    Inline::Text(s.to_string())
}

fn item(s: &str) -> ListItem {
    ListItem::new(vec![text(s)])
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
                items: vec![item("one"), item("two continued")]
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
                items: vec![item("one"), item("two")]
            },
            Block::List {
                ordered: false,
                items: vec![item("bullet")]
            },
        ]
    );
}

#[test]
fn nested_items_are_children_of_the_item_above() {
    let blocks = parse_markdown("- one\n  - nested\n    1. deeper\n- two");
    assert_eq!(
        blocks,
        vec![Block::List {
            ordered: false,
            items: vec![
                ListItem {
                    content: vec![text("one")],
                    children: vec![Block::List {
                        ordered: false,
                        items: vec![ListItem {
                            content: vec![text("nested")],
                            children: vec![Block::List {
                                ordered: true,
                                items: vec![item("deeper")]
                            }]
                        }]
                    }]
                },
                item("two")
            ]
        }]
    );
}

#[test]
fn three_and_four_space_indents_nest_under_numbered_items() {
    let blocks = parse_markdown("1. Round one\n   - a\n   - b\n2. Round two\n    * c\n");
    let Block::List {
        ordered: true,
        items,
    } = &blocks[0]
    else {
        panic!("{blocks:?}")
    };
    assert_eq!(blocks.len(), 1);
    assert_eq!(items.len(), 2);
    let children = |index: usize| match items[index].children.as_slice() {
        [Block::List { items, .. }] => items.len(),
        other => panic!("{other:?}"),
    };
    assert_eq!((children(0), children(1)), (2, 1));
}

#[test]
fn blank_lines_between_items_keep_one_list_and_indented_paragraphs_join_their_item() {
    let blocks = parse_markdown("- one\n\n  more about one\n\n- two\n\nafter");
    assert_eq!(
        blocks,
        vec![
            Block::List {
                ordered: false,
                items: vec![
                    ListItem {
                        content: vec![text("one")],
                        children: vec![Block::Paragraph(vec![text("more about one")])]
                    },
                    item("two")
                ]
            },
            Block::Paragraph(vec![text("after")])
        ]
    );
}

#[test]
fn list_nesting_is_bounded() {
    let mut markdown = String::new();
    for depth in 0..200 {
        markdown.push_str(&" ".repeat(depth * 2));
        markdown.push_str("- x\n");
    }
    let blocks = parse_markdown(&markdown);
    fn depth(blocks: &[Block]) -> usize {
        blocks
            .iter()
            .map(|block| match block {
                Block::List { items, .. } => {
                    1 + items.iter().map(|i| depth(&i.children)).max().unwrap_or(0)
                }
                _ => 0,
            })
            .max()
            .unwrap_or(0)
    }
    assert_eq!(depth(&blocks), 8);
}

#[test]
fn pipe_tables_with_and_without_outer_pipes() {
    let blocks = parse_markdown(
        "Levels:\n| Level | Grade |\n| :--- | ---: |\n| Senior | [Grade 7](/g/) |\n| Staff \\| Lead | 8 | extra |\nShort | \nafter",
    );
    assert_eq!(blocks.len(), 3, "{blocks:?}");
    assert_eq!(blocks[0], Block::Paragraph(vec![text("Levels:")]));
    assert_eq!(
        blocks[1],
        Block::Table {
            header: vec![vec![text("Level")], vec![text("Grade")]],
            rows: vec![
                vec![
                    vec![text("Senior")],
                    vec![Inline::Link {
                        href: "/g/".into(),
                        children: vec![text("Grade 7")]
                    }]
                ],
                vec![vec![text("Staff | Lead")], vec![text("8")]],
                vec![vec![text("Short")], vec![]],
            ]
        }
    );
    assert_eq!(blocks[2], Block::Paragraph(vec![text("after")]));
    assert_eq!(
        parse_markdown("a | b\n--- | ---\n1 | 2"),
        vec![Block::Table {
            header: vec![vec![text("a")], vec![text("b")]],
            rows: vec![vec![vec![text("1")], vec![text("2")]]]
        }]
    );
}

#[test]
fn a_delimiter_row_that_does_not_match_the_header_is_no_table() {
    assert_eq!(
        parse_markdown("a | b | c\n--- | ---"),
        vec![Block::Paragraph(vec![text("a | b | c --- | ---")])]
    );
}

#[test]
fn comments_anchors_and_iframes_are_dropped() {
    let blocks = parse_markdown(
        "<!-- one line -->\nkept\n\n<!--\nseveral\nlines <b>\n-->\n<a name=\"senior\"></a>\n## Senior\n<iframe src=\"https://video.example/x\"\n  allowfullscreen></iframe>\n<A NAME='x'></A> <a id=\"y\"></a>\nend",
    );
    assert_eq!(
        blocks,
        vec![
            Block::Paragraph(vec![text("kept")]),
            Block::Heading {
                level: 2,
                text: vec![text("Senior")]
            },
            Block::Paragraph(vec![text("end")]),
        ]
    );
    // An unclosed comment hides the rest, as it does on the published page; an unclosed iframe
    // ends at a blank line.
    assert_eq!(
        parse_markdown("a\n<!-- never closed\n\nb"),
        vec![Block::Paragraph(vec![text("a")])]
    );
    assert_eq!(
        parse_markdown("<iframe src=x>\nstill iframe\n\nb"),
        vec![Block::Paragraph(vec![text("b")])]
    );
    // Anchors with content and other HTML stay visible as text.
    assert_eq!(
        parse_markdown("<a name=\"x\">text</a>"),
        vec![Block::Paragraph(vec![text("<a name=\"x\">text</a>")])]
    );
}

#[test]
fn shortcodes_are_dropped_and_never_run() {
    assert_eq!(
        parse_markdown("{{< youtube abc >}}\n\nsee {{% include \"x.md\" %}}here"),
        vec![Block::Paragraph(vec![text("see here")])]
    );
    assert_eq!(
        parse_markdown("{{% details summary=\"More\" %}}\ninside\n{{% /details %}}"),
        vec![Block::Paragraph(vec![text(" inside ")])]
    );
    // A link to a page only Hugo can resolve keeps its text.
    assert_eq!(
        inlines("is a [grade 7]({{% ref \"compensation/grades\" %}}#job-grades)."),
        vec![text("is a grade 7.")]
    );
    assert_eq!(inlines("[x]({{< relref \"a\" >}})"), vec![text("x")]);
    // Unclosed shortcodes are text; code spans keep them literally.
    assert_eq!(inlines("{{< open"), vec![text("{{< open")]);
    assert_eq!(
        inlines("`{{< x >}}`"),
        vec![Inline::Code("{{< x >}}".into())]
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
    for piece in [
        "{{< ",
        "{{% ",
        "<!-- --> ",
        "<a name=x></a>",
        "|",
        "<iframe",
    ] {
        let input = piece.repeat(size / piece.len());
        parse_markdown(&input);
        parse_markdown(&format!("{input}\n"));
    }
    let nested = (0..50_000)
        .map(|i| format!("{}- x\n", " ".repeat((i % 10) * 2)))
        .collect::<String>();
    assert_eq!(parse_markdown(&nested).len(), 1);
    let table = format!("a | b\n--|--\n{}", "1 | 2\n".repeat(50_000));
    assert_eq!(parse_markdown(&table).len(), 1);
    assert!(
        started.elapsed().as_secs() < 20,
        "took {:?}",
        started.elapsed()
    );
}
