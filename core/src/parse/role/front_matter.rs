//! The front matter at the top of a page, as Hugo reads it: YAML between `---` lines (top-level
//! `key: value` lines, quoted values, `|`/`>` block scalars) or TOML between `+++` lines (top-level
//! `key = value` lines, basic, literal and multi-line strings). A forgiving reader: it exists so a Hugo
//! page's front matter, with keys we do not know and syntax we do not parse, never fails a page;
//! `parse_role` decides what the keys mean.

use crate::model::DataError;

type FrontMatter = Vec<(usize, String, String)>;

/// Splits `---` front matter from the body; returns the body's first line. Only top-level
/// `key: value` lines are read (with `|`/`>` block scalars); lists, nested maps and anything else
/// YAML allows are skipped, never an error.
pub(super) fn split_front_matter<'a>(
    file: &str,
    text: &'a str,
) -> Result<(FrontMatter, &'a str, usize), Vec<DataError>> {
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().unwrap_or_default();
    if first.trim_end() == "+++" {
        return split_toml(file, text, first.len(), lines);
    }
    if first.trim_end() != "---" {
        return Ok((Vec::new(), text, 1));
    }
    let mut offset = first.len();
    let mut front: FrontMatter = Vec::new();
    // A block scalar being read: its entry in `front`, and whether lines join with newlines.
    let mut block_scalar: Option<(usize, bool)> = None;
    for (index, line) in lines.enumerate() {
        let number = index + 2;
        offset += line.len();
        let content = line.trim_end();
        if content == "---" || content == "..." {
            return Ok((front, text.get(offset..).unwrap_or_default(), number + 1));
        }
        if let Some((entry, literal)) = block_scalar {
            if content.is_empty() || content.starts_with([' ', '\t']) {
                if let Some((_, _, value)) = front.get_mut(entry) {
                    if !value.is_empty() {
                        value.push(if literal { '\n' } else { ' ' });
                    }
                    value.push_str(content.trim());
                }
                continue;
            }
            if let Some((_, _, value)) = front.get_mut(entry) {
                *value = value.trim_end().to_string();
            }
            block_scalar = None;
        }
        let Some((key, value)) = content.split_once(':') else {
            continue;
        };
        if key.starts_with([' ', '\t', '#', '-']) {
            continue;
        }
        let value = value.trim();
        if matches!(value, "|" | "|-" | "|+" | ">" | ">-" | ">+") {
            block_scalar = Some((front.len(), value.starts_with('|')));
            front.push((number, key.trim().to_ascii_lowercase(), String::new()));
            continue;
        }
        front.push((number, key.trim().to_ascii_lowercase(), unquote(value)));
    }
    Err(vec![DataError::line(
        file,
        1,
        "the front matter starting here has no closing \"---\" line",
    )])
}

/// TOML front matter (Hugo's `+++`): top-level `key = value` lines until the first `[table]`, whose keys
/// belong to the table and are skipped; `"""` and `\'\'\'` strings may span lines.
fn split_toml<'a>(
    file: &str,
    text: &'a str,
    first_len: usize,
    lines: std::str::SplitInclusive<'a, char>,
) -> Result<(FrontMatter, &'a str, usize), Vec<DataError>> {
    let mut offset = first_len;
    let mut front: FrontMatter = Vec::new();
    let mut in_table = false;
    // A multi-line string being read: its entry, its closing quotes, and whether it is still open.
    let mut open: Option<(usize, &'static str)> = None;
    for (index, line) in lines.enumerate() {
        let number = index + 2;
        offset += line.len();
        let content = line.trim_end();
        if let Some((entry, closing)) = open {
            let (part, done) = match content.find(closing) {
                Some(end) => (content.get(..end).unwrap_or_default(), true),
                None => (content, false),
            };
            if let Some((_, _, value)) = front.get_mut(entry) {
                if !value.is_empty() {
                    value.push('\n');
                }
                value.push_str(part);
                if done {
                    *value = value.trim_end().to_string();
                }
            }
            if done {
                open = None;
            }
            continue;
        }
        if content == "+++" {
            return Ok((front, text.get(offset..).unwrap_or_default(), number + 1));
        }
        let trimmed = content.trim_start();
        if trimmed.starts_with('[') {
            in_table = true;
            continue;
        }
        if in_table || trimmed.starts_with('#') {
            continue;
        }
        let Some((key, value)) = trimmed.split_once('=') else {
            continue;
        };
        let key = key.trim().trim_matches('"').to_ascii_lowercase();
        let value = value.trim();
        for quotes in ["\"\"\"", "\'\'\'"] {
            if let Some(rest) = value.strip_prefix(quotes) {
                let closing: &'static str = quotes;
                match rest.find(closing) {
                    Some(end) => front.push((
                        number,
                        key.clone(),
                        rest.get(..end).unwrap_or_default().to_string(),
                    )),
                    None => {
                        open = Some((front.len(), closing));
                        front.push((
                            number,
                            key.clone(),
                            rest.trim_start_matches('\n').to_string(),
                        ));
                    }
                }
            }
        }
        if value.starts_with("\"\"\"") || value.starts_with("\'\'\'") {
            continue;
        }
        // A comment after a bare value (`grade = 8 # senior`) is not part of it.
        let value = if value.starts_with(['"', '\'']) {
            value
        } else {
            value.split('#').next().unwrap_or_default().trim()
        };
        front.push((number, key, unquote(value)));
    }
    Err(vec![DataError::line(
        file,
        1,
        "the front matter starting here has no closing \"+++\" line",
    )])
}

/// `"a \"b\""` → `a "b"`; `'x'` → `x`; bare values are kept as written.
fn unquote(value: &str) -> String {
    if let Some(inner) = value.strip_prefix('"').and_then(|v| v.strip_suffix('"')) {
        let mut out = String::new();
        let mut chars = inner.chars();
        while let Some(c) = chars.next() {
            match (c, chars.clone().next()) {
                ('\\', Some(next @ ('"' | '\\'))) => {
                    out.push(next);
                    chars.next();
                }
                _ => out.push(c),
            }
        }
        return out;
    }
    if let Some(inner) = value.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')) {
        return inner.replace("''", "'");
    }
    value.to_string()
}

#[cfg(test)]
mod tests {
    use super::split_front_matter;

    #[test]
    fn toml_front_matter_is_read_as_hugo_writes_it() {
        let page = "+++\ntitle = \"Backend Engineer\"\ngrade = 7 # senior\ndescription = \"\"\"\nBuilds the services.\nRuns them too.\n\"\"\"\n[params]\ntitle = \"not this\"\n+++\n# Body\n";
        let (front, body, first) = split_front_matter("a.md", page).unwrap();
        let get = |key: &str| {
            front
                .iter()
                .find(|(_, k, _)| k == key)
                .map(|(_, _, v)| v.as_str())
        };
        assert_eq!(get("title"), Some("Backend Engineer"));
        assert_eq!(get("grade"), Some("7"));
        assert_eq!(
            get("description"),
            Some("Builds the services.\nRuns them too.")
        );
        assert_eq!(front.iter().filter(|(_, k, _)| k == "title").count(), 1);
        assert_eq!(body, "# Body\n");
        assert_eq!(first, 11);
    }

    #[test]
    fn an_unclosed_toml_block_is_a_located_error() {
        let errors = split_front_matter("a.md", "+++\ntitle = \"x\"\n").unwrap_err();
        assert!(
            errors[0].to_string().contains("no closing \"+++\""),
            "{errors:?}"
        );
    }
}
