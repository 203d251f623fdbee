//! The document around a pre-rendered page: the same head as `index.html` (CSP, stylesheet, preloads, the
//! module), the boot script, the page's `JobPosting` JSON-LD, and the root the wasm takes over.

use paygrade::view::CSP;

/// What one page needs; every text from data is escaped here.
pub struct Page<'a> {
    pub title: &'a str,
    pub description: &'a str,
    /// `../` per level of depth, to reach the site root with relative links.
    pub prefix: &'a str,
    /// The role the page shows, for the wasm to open the same view.
    pub role: Option<&'a str>,
    /// The level a level page shows (its slug).
    pub level: Option<&'a str>,
    /// Data files relative to the data folder, preloaded.
    pub data_files: &'a [String],
    /// The `JobPosting` JSON-LD; `export::job_posting_json_ld` escapes `<`, so it cannot close the script.
    pub json_ld: Option<&'a str>,
    /// A role page's band figures, preloaded for boot.js; `None` on a page without a role or grade.
    pub figures: Option<Figures<'a>>,
    /// Links to the role's level pages, above the page (empty when it has one level).
    pub directory: &'a str,
    pub body: &'a str,
}

/// The figures file a role page's band is in (shared with every page at its grade) and what boot.js must
/// know to pick the page's own band from it: which view the page shows and its default location.
pub struct Figures<'a> {
    /// The file's address from the page (`../../data/figures/grade-12.json`).
    pub file: String,
    pub role: &'a str,
    pub level: Option<&'a str>,
    pub grade: u8,
    pub default_location: Option<&'a str>,
}

impl Figures<'_> {
    /// The preload link boot.js finds by `data-pg-figures` and reads the page's view from.
    fn link(&self) -> String {
        let level = self.level.map_or_else(String::new, |level| {
            format!(" data-level=\"{}\"", escape_html(level))
        });
        let location = self.default_location.map_or_else(String::new, |id| {
            format!(" data-location=\"{}\"", escape_html(id))
        });
        format!(
            "  <!-- A deep link's band: fetched at once, read by boot.js. -->\n  <link rel=\"preload\" href=\"{}\" as=\"fetch\" crossorigin data-pg-figures data-role=\"{}\"{level} data-grade=\"{}\"{location}>\n",
            escape_html(&self.file),
            escape_html(self.role),
            self.grade
        )
    }
}

/// Text or an attribute value made safe for HTML: `& < > " '` escaped.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// JSON-LD with every `<` escaped again, whatever produced it, so no `</script>` can end the element early.
fn script_safe(json: &str) -> String {
    json.replace('<', "\\u003c")
}

/// The whole document.
pub fn html(page: &Page) -> String {
    let prefix = escape_html(page.prefix);
    let preloads: String = page
        .data_files
        .iter()
        .map(|file| {
            format!(
                "  <link rel=\"preload\" href=\"{prefix}data/{}\" as=\"fetch\" crossorigin fetchpriority=\"low\">\n",
                escape_html(file)
            )
        })
        .collect();
    let json_ld = page.json_ld.map_or_else(String::new, |json| {
        format!(
            "  <script type=\"application/ld+json\">{}</script>\n",
            script_safe(json)
        )
    });
    let description = if page.description.is_empty() {
        String::new()
    } else {
        format!(
            "  <meta name=\"description\" content=\"{}\">\n",
            escape_html(page.description)
        )
    };
    let role = page.role.map_or_else(String::new, |role| {
        format!(" data-pg-role=\"{}\"", escape_html(role))
    });
    // The root page takes its data folder from the link (`?data=`), as `index.html` does; a role page
    // names the site's own, which it sits below.
    let data = if page.prefix.is_empty() {
        String::new()
    } else {
        format!(" data-pg-data=\"{prefix}data/\"")
    };
    let level = page.level.map_or_else(String::new, |level| {
        format!(" data-pg-level=\"{}\"", escape_html(level))
    });
    format!(
        r#"<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta http-equiv="Content-Security-Policy" content="{CSP}">
  <meta name="color-scheme" content="light dark">
  <link rel="icon" href="data:,">
  <title>{title}</title>
{description}{bands}  <!-- The code at once, before the blocking script: nothing answers the reader before it. main.js's
       `init` fetches the wasm as this preload does (cors, same-origin credentials), so it is reused. -->
  <link rel="modulepreload" href="{prefix}pkg/paygrade.js">
  <link rel="preload" href="{prefix}pkg/paygrade_bg.wasm" as="fetch" crossorigin>
  <link rel="stylesheet" href="{prefix}styles/paygrade.css">
  <!-- Before the body is painted: marks a deep link's band as pending and fetches its figures. -->
  <script src="{prefix}boot.js"></script>
  <!-- What the wasm reads before its first band (the maintained rules, the data, the role's page): low
       priority, after what paints the page, but already in when the code starts. -->
  <link rel="preload" href="{prefix}rules/pay-rules.csv" as="fetch" crossorigin fetchpriority="low">
{preloads}  <script type="module" src="{prefix}main.js"></script>
{json_ld}</head>
<body>
  <main id="paygrade" class="pg-page" data-pg-prerendered{data}{role}{level}>
    <div class="pg-prerendered">{body}</div>
    {directory}
  </main>
</body>
</html>
"#,
        title = escape_html(page.title),
        bands = page.figures.as_ref().map(Figures::link).unwrap_or_default(),
        directory = page.directory,
        body = page.body,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A page with nothing on it, for a test to set what it checks.
    fn bare() -> Page<'static> {
        Page {
            title: "t",
            description: "",
            prefix: "",
            role: None,
            level: None,
            data_files: &[],
            json_ld: None,
            figures: None,
            directory: "",
            body: "",
        }
    }

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            escape_html(r#"<a href="x">'&'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
    }

    #[test]
    fn json_ld_cannot_close_its_script() {
        let page = Page {
            json_ld: Some(r#"{"title": "</script><script>alert(1)</script>"}"#),
            ..bare()
        };
        let html = html(&page);
        assert!(!html.contains("</script><script>alert"), "{html}");
        assert_eq!(html.matches("</script>").count(), 3, "{html}");
    }

    #[test]
    fn only_a_page_with_figures_preloads_them() {
        let figures = || Figures {
            file: "../data/figures/grade-7.json".to_string(),
            role: "r&d",
            level: Some("senior"),
            grade: 7,
            default_location: Some("uk/london"),
        };
        let page = |figures| Page { figures, ..bare() };
        assert!(html(&page(Some(figures()))).contains(
            r#"<link rel="preload" href="../data/figures/grade-7.json" as="fetch" crossorigin data-pg-figures data-role="r&amp;d" data-level="senior" data-grade="7" data-location="uk/london">"#
        ));
        assert!(!html(&page(None)).contains("data-pg-figures"));
    }

    #[test]
    fn the_code_is_fetched_before_the_blocking_script_and_what_it_reads_after() {
        let data_files = ["grades.csv".to_string()];
        let page = Page {
            prefix: "../",
            data_files: &data_files,
            ..bare()
        };
        let html = html(&page);
        let at = |needle: &str| {
            html.find(needle)
                .unwrap_or_else(|| panic!("{needle}: {html}"))
        };
        let wasm =
            at(r#"<link rel="preload" href="../pkg/paygrade_bg.wasm" as="fetch" crossorigin>"#);
        assert!(at(r#"<link rel="modulepreload" href="../pkg/paygrade.js">"#) < at("boot.js"));
        assert!(wasm < at("boot.js"));
        assert!(
            at(r#"href="../rules/pay-rules.csv" as="fetch" crossorigin fetchpriority="low""#)
                > wasm
        );
        assert!(at(r#"href="../data/grades.csv""#) > wasm);
    }
}
