//! What "inert" means for a link from the data, written independently of the parser's own check, and shared
//! by the hostile-corpus test and the Markdown fuzzer (`#[path]`-included by both).

/// The scheme rule, written independently of the parser: after dropping what browsers ignore
/// (whitespace, control characters), a link is http(s), mailto, or has no scheme at all.
pub fn is_inert_href(href: &str) -> bool {
    let squeezed: String = href
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    if ["http:", "https:", "mailto:"]
        .iter()
        .any(|scheme| squeezed.starts_with(scheme))
    {
        return true;
    }
    let head = squeezed.split(['/', '?', '#']).next().unwrap_or("");
    !head.contains([':', '&', '%', '\\'])
}
