//! The pre-renderer over the shipped data and over the hostile corpus: every page and the band figures the
//! pages share written, figures from the core, and nothing from the data becoming markup or script in the
//! files.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

use paygrade::band::{band_figures, BandRequest, CurrencyChoice, RoleMidpoint};
use paygrade::parse::Sources;
use paygrade_site::{read_folder, render_site, SiteFile};

/// The workspace root, where the shipped data and the hostile corpus are.
fn root() -> PathBuf {
    let site = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    site.parent().map(PathBuf::from).unwrap_or(site)
}

fn shipped() -> Sources {
    match read_folder(&root().join("data")) {
        Ok(sources) => sources,
        Err(why) => panic!("the shipped data: {why}"),
    }
}

async fn render(sources: Sources) -> Vec<SiteFile> {
    let data = root().join("data");
    let read = move |path: &str| std::fs::read(data.join(path)).map_err(|e| e.to_string());
    render_site(sources, None, &read).await
}

fn file<'a>(files: &'a [SiteFile], path: &str) -> &'a SiteFile {
    match files.iter().find(|f| f.path == path) {
        Some(file) => file,
        None => panic!(
            "no {path} among {:?}",
            files.iter().map(|f| &f.path).collect::<Vec<_>>()
        ),
    }
}

/// The figures a page names in its `data-pg-figures` preload (its address resolved from the page's folder),
/// with the link's attributes.
fn figures_of(files: &[SiteFile], page: &SiteFile) -> (serde_json::Value, Vec<(String, String)>) {
    let Some((_, attributes)) = tags(&page.contents).into_iter().find(|(name, attributes)| {
        name == "link" && attributes.iter().any(|(a, _)| a == "data-pg-figures")
    }) else {
        panic!("{} names no figures", page.path)
    };
    let href = attributes
        .iter()
        .find(|(name, _)| name == "href")
        .map(|(_, value)| value.clone())
        .unwrap_or_default();
    let mut folder: Vec<&str> = page.path.split('/').collect();
    folder.pop();
    for part in href.split('/') {
        match part {
            ".." => {
                folder.pop();
            }
            part => folder.push(part),
        }
    }
    let path = folder.join("/");
    let figures = serde_json::from_str(&file(files, &path).contents).unwrap_or_default();
    (figures, attributes)
}

fn attribute<'a>(attributes: &'a [(String, String)], name: &str) -> &'a str {
    attributes
        .iter()
        .find(|(a, _)| a == name)
        .map_or("", |(_, value)| value.as_str())
}

/// A tag's name and attribute names, read from HTML Yew and the shell wrote (values always double-quoted).
fn tags(html: &str) -> Vec<(String, Vec<(String, String)>)> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        rest = &rest[start + 1..];
        if !rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
            continue;
        }
        let mut name = String::new();
        let mut attributes = Vec::new();
        let mut chars = rest.char_indices().peekable();
        while let Some((_, c)) = chars.peek().copied() {
            if c.is_ascii_alphanumeric() || c == '-' {
                name.push(c.to_ascii_lowercase());
                chars.next();
            } else {
                break;
            }
        }
        let mut end = rest.len();
        loop {
            while chars
                .peek()
                .is_some_and(|(_, c)| c.is_whitespace() || *c == '/')
            {
                chars.next();
            }
            let Some((at, c)) = chars.next() else { break };
            if c == '>' {
                end = at + 1;
                break;
            }
            let mut attribute = c.to_ascii_lowercase().to_string();
            while let Some((_, c)) = chars.peek().copied() {
                if c == '=' || c == '>' || c.is_whitespace() {
                    break;
                }
                attribute.push(c.to_ascii_lowercase());
                chars.next();
            }
            let mut value = String::new();
            if chars.peek().is_some_and(|(_, c)| *c == '=') {
                chars.next();
                if chars.peek().is_some_and(|(_, c)| *c == '"') {
                    chars.next();
                    for (_, c) in chars.by_ref() {
                        if c == '"' {
                            break;
                        }
                        value.push(c);
                    }
                }
            }
            attributes.push((attribute, value));
        }
        out.push((name, attributes));
        rest = rest.get(end..).unwrap_or("");
    }
    out
}

/// Everything in a page that could run or load something it should not.
fn problems(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (name, attributes) in tags(html) {
        let attribute = |key: &str| {
            attributes
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.as_str())
        };
        match name.as_str() {
            "script" => {
                let ours = matches!(attribute("src"), Some(src) if src.ends_with("boot.js") || src.ends_with("main.js"))
                    || (attribute("type") == Some("application/ld+json")
                        && attribute("src").is_none());
                if !ours {
                    found.push(format!("script {attributes:?}"));
                }
            }
            "iframe" | "object" | "embed" | "img" | "frame" | "style" | "base" => {
                found.push(format!("<{name}>"))
            }
            // The directory's search box is ours; a form from data would send somewhere.
            "form"
                if attribute("class") != Some("pg-directory-search")
                    || attribute("action").is_some() =>
            {
                found.push(format!("<form {attributes:?}>"))
            }
            "svg" if !attribute("class").is_some_and(|c| c.starts_with("pg-")) => {
                found.push("an <svg> not ours".into())
            }
            _ => {}
        }
        for (key, value) in &attributes {
            if key.starts_with("on") || key == "style" || key == "srcdoc" {
                found.push(format!("<{name} {key}>"));
            }
            let lowered = value.trim().to_ascii_lowercase();
            if (key == "href" || key == "src" || key == "action")
                && (lowered.starts_with("javascript:")
                    || lowered.starts_with("vbscript:")
                    || (lowered.starts_with("data:") && lowered != "data:,"))
            {
                found.push(format!("<{name} {key}={value}>"));
            }
        }
    }
    found
}

/// The JSON-LD of a page, parsed: it must be whole JSON that no `</script>` in the data cut short.
fn json_ld(html: &str) -> Option<serde_json::Value> {
    let open = "<script type=\"application/ld+json\">";
    let start = html.find(open)? + open.len();
    let end = start + html.get(start..)?.find("</script>")?;
    serde_json::from_str(html.get(start..end)?).ok()
}

#[tokio::test(flavor = "current_thread")]
async fn the_shipped_data_gives_a_root_a_page_per_role_and_level_and_figures_from_the_core() {
    let sources = shipped();
    let (dataset, _) = sources.assemble();
    let files = render(sources).await;
    let root_page = file(&files, "index.html");
    assert!(
        dataset.index.roles.len() > 1,
        "the shipped data has several roles"
    );
    for entry in &dataset.index.roles {
        assert_eq!(
            paygrade::view::pages::role_page(&entry.id),
            format!("roles/{}/", entry.id)
        );
        let page = file(&files, &format!("roles/{}/index.html", entry.id));
        assert!(
            root_page
                .contents
                .contains(&format!("href=\"roles/{}/\"", entry.id)),
            "the root's directory links {}",
            entry.id
        );
        let home = "../".repeat(entry.id.matches('/').count() + 2);
        assert!(
            page.contents.contains(&format!("href=\"{home}\"")),
            "{} links the root",
            entry.id
        );
        assert!(page
            .contents
            .contains(&format!("data-pg-data=\"{home}data/\"")));
        assert!(page.contents.contains(&entry.title.replace('&', "&amp;")));
        assert_eq!(
            problems(&page.contents),
            Vec::<String>::new(),
            "{}",
            entry.id
        );
        let posting = json_ld(&page.contents);
        assert_eq!(
            posting.as_ref().and_then(|p| p["@type"].as_str()),
            Some("JobPosting"),
            "{}",
            entry.id
        );
        if entry.levels.len() > 1 {
            for level in &entry.levels {
                let level_page = file(
                    &files,
                    &format!("roles/{}/{}/index.html", entry.id, level.slug),
                );
                assert!(page.contents.contains(&format!(
                    "href=\"{home}roles/{}/{}/\"",
                    entry.id, level.slug
                )));
                let grade = level.grade.unwrap_or_default();
                assert!(
                    level_page
                        .contents
                        .contains(&format!("Pay for grade {grade} in")),
                    "{}",
                    level.slug
                );
                let posting = json_ld(&level_page.contents).unwrap_or_default();
                assert_eq!(posting["title"], level.title.as_str());
            }
        }
    }
    assert_eq!(problems(&root_page.contents), Vec::<String>::new());
    assert!(root_page.contents.contains("Job families"));

    // The band a role page states is the core's, at the reference market.
    let entry = match dataset.index.roles.iter().find(|e| e.levels.len() == 1) {
        Some(entry) => entry,
        None => panic!("a single-level role"),
    };
    let page = file(&files, &format!("roles/{}/index.html", entry.id));
    let grade = entry
        .levels
        .first()
        .and_then(|l| l.grade)
        .unwrap_or_default();
    let (bands, link) = figures_of(&files, page);
    let reference = attribute(&link, "data-location").to_string();
    let market = &dataset.manifest.reference.market;
    assert!(
        dataset
            .location(&reference)
            .is_some_and(|l| l.area.starts_with(market.as_str())),
        "{reference} is the reference market {market}"
    );
    let request = |location_id, currency| BandRequest {
        grade,
        location_id,
        role_midpoint: RoleMidpoint::of_entry(entry),
        currency,
        today: None,
    };
    let band = match band_figures(&dataset, &request(&reference, CurrencyChoice::Local)) {
        Ok(band) => band,
        Err(why) => panic!("{why}"),
    };
    assert!(page.contents.contains(&format!(
        "data-min=\"{}\" data-mid=\"{}\" data-max=\"{}\" data-currency=\"{}\"",
        band.min, band.mid, band.max, band.currency
    )));
    let posting = json_ld(&page.contents).unwrap_or_default();
    assert_eq!(posting["baseSalary"]["value"]["minValue"], band.min as i64);

    // The grade's figures: the same figures for every location, in local and reference currency.
    assert_eq!(bands["grade"], grade);
    assert_eq!(attribute(&link, "data-grade"), grade.to_string());
    assert_eq!(attribute(&link, "data-role"), entry.id.as_str());
    assert_eq!(
        bands["locations"].as_object().map(|m| m.len()),
        Some(dataset.locations.len())
    );
    let london = &bands["locations"]["united-kingdom/london-england"];
    let expected = band_figures(
        &dataset,
        &request("united-kingdom/london-england", CurrencyChoice::Reference),
    )
    .map(|b| (b.min, b.currency));
    assert_eq!(
        Ok((
            london["reference"][0].as_f64().unwrap_or_default(),
            "USD".to_string()
        )),
        expected
    );
    assert_eq!(london["local"][3], "GBP");
}

#[tokio::test(flavor = "current_thread")]
async fn hostile_role_pages_stay_inert_in_the_pre_rendered_files() {
    let corpus = root().join("tests/corpus/role");
    let mut pages: Vec<PathBuf> = std::fs::read_dir(&corpus)
        .map(|dir| dir.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    pages.sort();
    assert!(pages.len() > 10, "the corpus has its role pages");
    let mut sources = shipped();
    // The corpus pages are the folder's pages, read with the data (no index to fetch them by).
    sources.manifest.roles.clear();
    sources.manifest.index = None;
    for page in &pages {
        let name = format!(
            "roles/{}",
            page.file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default()
        );
        sources.manifest.roles.push(name.clone());
        sources
            .files
            .insert(name, std::fs::read(page).map_err(|e| e.to_string()));
    }
    let files = render(sources).await;
    let html: Vec<&SiteFile> = files.iter().filter(|f| f.path.ends_with(".html")).collect();
    assert!(html.len() > 10, "{} pages", html.len());
    for page in &html {
        assert!(
            page.path.starts_with("roles/") || page.path == "index.html",
            "{} stays under roles/",
            page.path
        );
        assert!(!page.path.contains(".."), "{}", page.path);
        assert_eq!(
            problems(&page.contents),
            Vec::<String>::new(),
            "{}",
            page.path
        );
        if page.contents.contains("application/ld+json") {
            assert!(
                json_ld(&page.contents).is_some(),
                "{}: whole JSON-LD",
                page.path
            );
        }
    }
    let with_posting = html
        .iter()
        .filter(|f| json_ld(&f.contents).is_some())
        .count();
    assert!(with_posting > 5, "{with_posting} pages with a JobPosting");
    let script_tag = html
        .iter()
        .find(|f| f.contents.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(
        script_tag.is_some(),
        "the script-tag page shows its markup as text"
    );
}

/// Every pre-rendered page carries the one CSP (`view::CSP`) that index.html, embed.html and the server use.
#[tokio::test(flavor = "current_thread")]
async fn every_pre_rendered_page_carries_the_one_csp() {
    let files = render(shipped()).await;
    let meta = format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">",
        paygrade::view::CSP
    );
    let pages: Vec<&SiteFile> = files.iter().filter(|f| f.path.ends_with(".html")).collect();
    assert!(pages.len() > 3);
    for page in pages {
        assert!(page.contents.contains(&meta), "{}", page.path);
    }
}

#[test]
fn the_scanner_finds_what_it_looks_for() {
    let found = problems(
        r#"<p onclick="x">a</p><script>alert(1)</script><a href="javascript:alert(1)">x</a><img src="x"><svg></svg><link rel="icon" href="data:,">"#,
    );
    assert_eq!(found.len(), 5, "{found:?}");
    assert!(
        problems(r#"<script src="../../boot.js"></script><svg class="pg-chart"></svg>"#).is_empty()
    );
}

#[test]
fn a_role_folder_cannot_leave_roles() {
    let folder = paygrade::view::pages::role_page("../../etc/x y");
    assert!(!folder.contains(".."), "{folder}");
    assert!(
        folder.starts_with("roles/") && folder.ends_with('/'),
        "{folder}"
    );
    let _ = Path::new(&folder);
}

/// The places boot.js writes to (`view::contract`, written into the figures) are on every role page.
#[tokio::test(flavor = "current_thread")]
async fn every_selector_boot_js_reads_from_the_figures_is_on_the_role_page() {
    use paygrade::view::contract;
    let files = render(shipped()).await;
    let role_page = file(&files, "roles/vp-strategy-developer-relations/index.html");
    let page = &role_page.contents;
    let (bands, _) = figures_of(&files, role_page);
    for (name, selector) in contract::selectors() {
        assert_eq!(bands["selectors"][name], selector.as_str(), "{name}");
    }
    assert!(page.contains(&format!("id=\"{}\"", contract::PAY_TITLE_ID)));
    for class in [
        contract::BAND_CLASS,
        contract::FIGURE_MIN_CLASS,
        contract::FIGURE_MID_CLASS,
        contract::FIGURE_MAX_CLASS,
        contract::VARIABLE_CLASS,
        contract::TOTAL_CASH_CLASS,
        contract::ANNOUNCEMENT_CLASS,
    ] {
        assert!(
            page.contains(&format!("class=\"{class}"))
                || page.contains(&format!(" {class}\""))
                || page.contains(&format!(" {class} ")),
            "{class} is not on the page"
        );
    }
}

/// Each band's figures are written once, shared by every page at that grade, whatever the number of pages:
/// a file per grade, and one per role whose own midpoint applies, which only that role's page names.
#[tokio::test(flavor = "current_thread")]
async fn each_grade_s_figures_are_written_once_and_shared_by_its_pages() {
    use paygrade::ui::load::{resolve, Published};
    use std::rc::Rc;

    let sources = shipped();
    let (mut dataset, problems) = sources.assemble();
    // The VP sets its own midpoint: its page's figures are its own, at its own grade only.
    let vp = "vp-strategy-developer-relations";
    let vp_grade = match dataset.index.roles.iter_mut().find(|e| e.id == vp) {
        Some(entry) => {
            entry.midpoint = Some(301_000.0);
            entry.own_grade().unwrap_or_default()
        }
        None => panic!("the shipped data has the VP"),
    };
    let published = Rc::new(Published {
        sources: Rc::new(sources),
        dataset: Rc::new(dataset.clone()),
        problems,
    });
    let data = root().join("data");
    let read = move |path: &str| std::fs::read(data.join(path)).map_err(|e| e.to_string());
    let files = paygrade_site::render_outcome(resolve(Ok(published), None), None, &read).await;

    let figure_files: Vec<&str> = files
        .iter()
        .map(|f| f.path.as_str())
        .filter(|p| p.starts_with("data/figures/grade-") || p.starts_with("data/figures/roles/"))
        .collect();
    assert_eq!(
        figure_files.len(),
        dataset.grades.len() + 1,
        "one per grade and the VP's own: {figure_files:?}"
    );
    let mut unique = figure_files.clone();
    unique.dedup();
    assert_eq!(unique, figure_files, "each written once");
    assert!(!files.iter().any(|f| f.path.ends_with("bands.json")));

    // Two levels at grade 7 in two families read one file.
    let name = |path: &str| {
        let page = file(&files, path);
        let (figures, link) = figures_of(&files, page);
        (
            attribute(&link, "href")
                .rsplit('/')
                .next()
                .map(str::to_string),
            figures,
        )
    };
    let (backend, _) =
        name("roles/engineering/backend-engineer/senior-backend-engineer/index.html");
    let (sales, _) = name("roles/sales/account-executive/senior-account-executive/index.html");
    assert_eq!(backend.as_deref(), Some("grade-7.json"));
    assert_eq!(backend, sales);

    // The VP's page reads its own, with its midpoint at the reference market.
    let page = file(&files, &format!("roles/{vp}/index.html"));
    let (figures, link) = figures_of(&files, page);
    assert_eq!(
        attribute(&link, "href"),
        format!("../../data/figures/roles/{vp}/grade-{vp_grade}.json")
    );
    let reference = attribute(&link, "data-location");
    assert_eq!(figures["locations"][reference]["local"][1], 301_000);

    // The widgets' index: every role, and each of its levels by slug, with the view model's title, grade
    // and file.
    let index: serde_json::Value =
        serde_json::from_str(&file(&files, "data/figures/index.json").contents).unwrap_or_default();
    assert_eq!(index["default_location"], reference);
    for entry in &dataset.index.roles {
        let role = &index["roles"][entry.id.as_str()];
        assert_eq!(
            role[""]["grade"],
            entry.own_grade().unwrap_or_default(),
            "{}",
            entry.id
        );
        for level in &entry.levels {
            let grade = level.grade.unwrap_or_default();
            assert_eq!(role[level.slug.as_str()]["grade"], grade, "{}", level.slug);
            let expected = paygrade::view::pages::figures_file(Some(entry), grade);
            assert_eq!(role[level.slug.as_str()]["file"], expected.as_str());
            if entry.levels.len() > 1 {
                assert_eq!(role[level.slug.as_str()]["title"], level.title.as_str());
            }
        }
    }
    assert_eq!(
        index["roles"][vp][""]["file"],
        format!("figures/roles/{vp}/grade-{vp_grade}.json")
    );
}
