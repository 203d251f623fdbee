//! The `---` front matter at the top of a page: a forgiving reader of top-level `key: value` lines
//! (quoted values, `|`/`>` block scalars). It exists so a Hugo page's front matter, with keys we do
//! not know and YAML we do not parse, never fails a page; `parse_role` decides what the keys mean.

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
