//! "Report this figure": a link to the data's own issue tracker (the manifest's `feedback_url`), pre-filled
//! with the place, its factor, the file and line it came from and the data's date. paygrade sends nothing
//! itself; the reader follows the link.

use crate::model::{Dataset, Location};

/// The report link for a band (grade `grade` at `location`), when the manifest gives a template.
///
/// Placeholders, each percent-encoded: `{title}` (a ready-made title), `{body}` (a ready-made description),
/// `{location}`, `{location_id}`, `{factor}`, `{grade}`, `{file}`, `{line}`, `{as_of}`.
pub fn report_link(data: &Dataset, location: &Location, grade: Option<u8>) -> Option<String> {
    // Only a web address: a template `paygrade check` refused never becomes a link.
    let template = data
        .manifest
        .feedback_url
        .as_deref()
        .filter(|url| url.starts_with("https://") || url.starts_with("http://"))?;
    let file = &data.manifest.tables.locations;
    let factor = crate::format::factor(location.factor);
    let grade_text = grade.map(|g| g.to_string()).unwrap_or_default();
    let title = match grade {
        Some(grade) => format!("Pay figure for grade {grade} in {}", location.name()),
        None => format!("Location factor for {}", location.name()),
    };
    let body = format!(
        "Location: {} ({})\nFactor: {factor} ({file} line {})\nGrade: {}\nData as of: {}\n\nWhat looks wrong:\n",
        location.name(),
        location.id,
        location.line,
        if grade_text.is_empty() { "any" } else { &grade_text },
        data.manifest.as_of
    );
    let values = [
        ("title", title),
        ("body", body),
        ("location", location.name()),
        ("location_id", location.id.clone()),
        ("factor", factor.clone()),
        ("grade", grade_text.clone()),
        ("file", file.clone()),
        ("line", location.line.to_string()),
        ("as_of", data.manifest.as_of.to_string()),
    ];
    Some(
        values
            .iter()
            .fold(template.to_string(), |link, (name, value)| {
                link.replace(&format!("{{{name}}}"), &percent_encode(value))
            }),
    )
}

/// Percent-encodes everything but RFC 3986's unreserved characters, so a value cannot change the link's
/// shape (no `&`, `#` or `"` survive).
fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::percent_encode;

    #[test]
    fn values_cannot_break_out_of_the_link() {
        assert_eq!(percent_encode("a&b=c#d \"e\""), "a%26b%3Dc%23d%20%22e%22");
        assert_eq!(percent_encode("Zürich"), "Z%C3%BCrich");
    }
}
