//! What a link carries: the view as a query string, decoded and encoded without the DOM so it is tested and fuzzed natively.

/// The default data folder, beside the page.
pub const DEFAULT_DATA_BASE: &str = "./data/";

/// Accepts only a same-origin relative folder, so a crafted link cannot show bands from another server.
///
/// Returns the folder with a trailing `/`, or a sentence saying why it was refused.
pub fn data_base(value: &str) -> Result<String, String> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(DEFAULT_DATA_BASE.to_string());
    }
    let refused = |why: &str| Err(format!("The data folder \"{value}\" was not used: {why}."));
    if value.starts_with("//") || value.contains('\\') {
        return refused("it must be a path on this site");
    }
    let before_path = value.split(['/', '?', '#']).next().unwrap_or("");
    if before_path.contains(':') {
        return refused("it must be a relative path on this site, not an address with a scheme");
    }
    if value.contains(['?', '#']) || value.chars().any(char::is_control) {
        return refused("it must be a plain folder path");
    }
    Ok(folder(value.to_string()))
}

/// A folder path as the loader joins file names to it: ending in `/`.
pub fn folder(path: String) -> String {
    if path.ends_with('/') {
        path
    } else {
        path + "/"
    }
}

/// The view as the URL holds it: raw values, checked against the data only once it has loaded.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ViewQuery {
    pub role: Option<String>,
    /// The role's level: its position on the page (1 = first) or its slug.
    pub level: Option<String>,
    /// The role directory's search text.
    pub search: Option<String>,
    pub grade: Option<String>,
    pub location: Option<String>,
    /// `local`, `reference`, or an ISO 4217 code.
    pub currency: Option<String>,
    pub compare: Vec<String>,
    /// A private amount: written in the link's fragment, which browsers never send to a server.
    pub offer: Option<String>,
    pub data: Option<String>,
    /// The location table's sort (`max-desc`), filter text, hiring-only switch and page.
    pub sort: Option<String>,
    pub filter: Option<String>,
    pub hiring: Option<String>,
    pub page: Option<String>,
    /// The job ad: `remote=yes`, and the other places it is open to (`open=a,b`).
    pub remote: Option<String>,
    pub open: Vec<String>,
    /// The date the job ad goes out (`posted=YYYY-MM-DD`), to check it against laws on that day.
    pub posted: Option<String>,
    /// The way to hire (`contract=contractor`), which changes the band.
    pub contract: Option<String>,
    /// The valuation the equity is shown at, as a multiple of the stated one (`valuation=3`).
    pub valuation: Option<String>,
    /// The place a move starts from (`move_from=<location id>`).
    pub move_from: Option<String>,
    /// The salary earned there: a private amount, written in the fragment like `offer`.
    pub salary: Option<String>,
}

/// At most this many compared locations are read from a link.
pub const MAX_COMPARE: usize = 4;

/// The longest value kept from a link; anything longer is no id or amount of ours.
const MAX_VALUE_LEN: usize = 200;

impl ViewQuery {
    /// This view with a page's own role (and a level page's level) filled in where the link names no role.
    pub fn with_implied(mut self, implied: &ViewQuery) -> ViewQuery {
        if self.role.is_none() {
            self.role = implied.role.clone();
            if self.level.is_none() {
                self.level = implied.level.clone();
            }
        }
        self
    }

    /// This view without what the page already stands for, so a role page's address stays bare.
    pub fn without_implied(mut self, implied: &ViewQuery) -> ViewQuery {
        if implied.role.is_some() && self.role == implied.role {
            self.role = None;
            if self.level == implied.level {
                self.level = None;
            }
        }
        self
    }

    /// Decodes `?role=…&location=…#offer=…&salary=…` (a page's search and hash together); unknown keys are
    /// ignored, the last of a repeated key wins, and a private amount is taken from either part.
    pub fn parse(query: &str) -> ViewQuery {
        let mut view = ViewQuery::default();
        for pair in query
            .trim_start_matches('?')
            .split(['&', '#'])
            .map(|pair| pair.trim_start_matches('?'))
        {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let value = decode_component(value);
            if value.is_empty() || value.len() > MAX_VALUE_LEN {
                continue;
            }
            match decode_component(key).as_str() {
                "role" => view.role = Some(value),
                "level" => view.level = Some(value),
                "q" => view.search = Some(value),
                "grade" => view.grade = Some(value),
                "location" => view.location = Some(value),
                "currency" => view.currency = Some(value),
                "offer" => view.offer = Some(value),
                "data" => view.data = Some(value),
                "sort" => view.sort = Some(value),
                "filter" => view.filter = Some(value),
                "hiring" => view.hiring = Some(value),
                "page" => view.page = Some(value),
                "remote" => view.remote = Some(value),
                "open" => view.open = id_list(&value),
                "posted" => view.posted = Some(value),
                "contract" => view.contract = Some(value),
                "valuation" => view.valuation = Some(value),
                "move_from" => view.move_from = Some(value),
                "salary" => view.salary = Some(value),
                "compare" => {
                    view.compare = value
                        .split(',')
                        .map(str::trim)
                        .filter(|id| !id.is_empty())
                        .take(MAX_COMPARE)
                        .map(str::to_string)
                        .collect();
                }
                _ => {}
            }
        }
        view
    }

    /// Encodes the view as `?key=value&…#offer=…&salary=…`, empty values left out, so links stay short and
    /// readable. Private amounts go in the fragment: a shared link still carries them, a host's logs never do.
    pub fn to_query(&self) -> String {
        let public = self.public_query();
        let private = encode_pairs(&[
            ("offer", self.offer.as_deref()),
            ("salary", self.salary.as_deref()),
        ]);
        match (public.is_empty(), private.is_empty()) {
            (_, true) => public,
            (true, false) => format!("?#{private}"),
            (false, false) => format!("{public}#{private}"),
        }
    }

    /// The query string alone (`?key=value&…`), without the private fragment.
    pub fn public_query(&self) -> String {
        let compare = self.compare.join(",");
        let open = self.open.join(",");
        let pairs = [
            ("role", self.role.as_deref()),
            ("level", self.level.as_deref()),
            ("grade", self.grade.as_deref()),
            ("location", self.location.as_deref()),
            ("currency", self.currency.as_deref()),
            ("compare", (!compare.is_empty()).then_some(compare.as_str())),
            ("contract", self.contract.as_deref()),
            ("valuation", self.valuation.as_deref()),
            ("move_from", self.move_from.as_deref()),
            ("sort", self.sort.as_deref()),
            ("filter", self.filter.as_deref()),
            ("hiring", self.hiring.as_deref()),
            ("page", self.page.as_deref()),
            ("q", self.search.as_deref()),
            ("remote", self.remote.as_deref()),
            ("open", (!open.is_empty()).then_some(open.as_str())),
            ("posted", self.posted.as_deref()),
            ("data", self.data.as_deref()),
        ];
        let pairs = encode_pairs(&pairs);
        if pairs.is_empty() {
            pairs
        } else {
            format!("?{pairs}")
        }
    }
}

/// `key=value&…` for the pairs with a value, each value percent-encoded.
fn encode_pairs(pairs: &[(&str, Option<&str>)]) -> String {
    let mut out = String::new();
    for (key, value) in pairs {
        if let Some(value) = value.filter(|v| !v.is_empty()) {
            if !out.is_empty() {
                out.push('&');
            }
            out.push_str(key);
            out.push('=');
            encode_component(value, &mut out);
        }
    }
    out
}

/// A comma-separated list of location ids, at most `MAX_COMPARE` of them.
fn id_list(value: &str) -> Vec<String> {
    value
        .split(',')
        .map(str::trim)
        .filter(|id| !id.is_empty())
        .take(MAX_COMPARE)
        .map(str::to_string)
        .collect()
}

/// `application/x-www-form-urlencoded` decoding: `+` is a space, `%XX` a byte; bad escapes stay as typed.
fn decode_component(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&byte) = bytes.get(i) {
        match byte {
            b'+' => out.push(b' '),
            b'%' => {
                // Two hex digits exactly: `from_str_radix` alone would also take a sign ("%+1").
                let hex = bytes
                    .get(i + 1..i + 3)
                    .filter(|h| h.iter().all(u8::is_ascii_hexdigit))
                    .and_then(|h| std::str::from_utf8(h).ok())
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                if let Some(decoded) = hex {
                    out.push(decoded);
                    i += 2;
                } else {
                    out.push(b'%');
                }
            }
            other => out.push(other),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).trim().to_string()
}

/// Escapes all but unreserved characters and the `/` and `,` our ids use, so ids stay legible in links.
fn encode_component(text: &str, out: &mut String) {
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.~/,".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_query_round_trips_through_parse_and_encode() {
        let view = ViewQuery {
            role: Some("vp-strategy-developer-relations".into()),
            grade: Some("12".into()),
            location: Some("united-kingdom/london-england".into()),
            currency: Some("reference".into()),
            compare: vec!["germany/berlin".into(), "japan/tokyo".into()],
            offer: Some("250000".into()),
            data: Some("team data/".into()),
            ..ViewQuery::default()
        };
        let query = view.to_query();
        assert_eq!(
            query,
            "?role=vp-strategy-developer-relations&grade=12&location=united-kingdom/london-england\
             &currency=reference&compare=germany/berlin,japan/tokyo&data=team%20data/#offer=250000"
        );
        assert_eq!(ViewQuery::parse(&query), view);
    }

    #[test]
    fn boot_js_knows_every_key_a_link_can_carry() {
        // boot.js hides what a link's view changes until the wasm has it; a key it does not know would
        // show the static page's figures for another view.
        let every = ViewQuery {
            role: Some("r".into()),
            level: Some("l".into()),
            search: Some("s".into()),
            grade: Some("g".into()),
            location: Some("l".into()),
            currency: Some("c".into()),
            compare: vec!["c".into()],
            offer: Some("o".into()),
            data: Some("d".into()),
            sort: Some("s".into()),
            filter: Some("f".into()),
            hiring: Some("h".into()),
            page: Some("p".into()),
            remote: Some("r".into()),
            open: vec!["o".into()],
            posted: Some("p".into()),
            contract: Some("c".into()),
            valuation: Some("v".into()),
            move_from: Some("m".into()),
            salary: Some("s".into()),
        };
        let boot = include_str!("../../boot.js");
        // The fragment's private amounts change no band: boot.js needs only the query's keys.
        let query = every.public_query();
        for pair in query.trim_start_matches('?').split('&') {
            let key = pair.split('=').next().unwrap_or_default();
            assert!(
                boot.contains(&format!("'{key}'")),
                "boot.js does not know `{key}`"
            );
        }
        assert_eq!(
            query.matches('&').count(),
            17,
            "a field was left empty: {query}"
        );
        assert!(every.to_query().ends_with("#offer=o&salary=s"));
    }

    #[test]
    fn private_amounts_ride_in_the_fragment_and_are_read_from_either_part() {
        let old_link = ViewQuery::parse("?location=germany/berlin&offer=150000&salary=90000");
        assert_eq!(old_link.offer.as_deref(), Some("150000"));
        assert_eq!(
            old_link.to_query(),
            "?location=germany/berlin#offer=150000&salary=90000"
        );
        let new_link = ViewQuery::parse("?location=germany/berlin#offer=150000&salary=90000");
        assert_eq!(new_link, old_link);
        assert_eq!(new_link.public_query(), "?location=germany/berlin");
        let only_private = ViewQuery::parse("#salary=1");
        assert_eq!(only_private.to_query(), "?#salary=1");
    }

    #[test]
    fn level_and_directory_search_round_trip() {
        let view = ViewQuery::parse(
            "?role=engineering/backend-engineer&level=senior-backend-engineer&q=staff+eng",
        );
        assert_eq!(view.role.as_deref(), Some("engineering/backend-engineer"));
        assert_eq!(view.level.as_deref(), Some("senior-backend-engineer"));
        assert_eq!(view.search.as_deref(), Some("staff eng"));
        assert_eq!(
            view.to_query(),
            "?role=engineering/backend-engineer&level=senior-backend-engineer&q=staff%20eng"
        );
    }

    #[test]
    fn the_job_ads_remote_switch_and_places_round_trip() {
        let view = ViewQuery::parse("?remote=yes&open=canada/toronto-ontario,,germany/berlin");
        assert_eq!(view.remote.as_deref(), Some("yes"));
        assert_eq!(view.open, vec!["canada/toronto-ontario", "germany/berlin"]);
        assert_eq!(
            view.to_query(),
            "?remote=yes&open=canada/toronto-ontario,germany/berlin"
        );
    }

    #[test]
    fn decoding_accepts_plus_percent_and_bad_escapes() {
        let view = ViewQuery::parse("?role=a+b&location=x%2Fy&offer=%zz&grade=%E2%82%AC&bogus=1");
        assert_eq!(view.role.as_deref(), Some("a b"));
        assert_eq!(view.location.as_deref(), Some("x/y"));
        assert_eq!(view.offer.as_deref(), Some("%zz"));
        assert_eq!(view.grade.as_deref(), Some("€"));
    }

    #[test]
    fn an_escape_needs_two_hex_digits_not_a_sign() {
        let view = ViewQuery::parse("?offer=%+1x&grade=%-1&role=%2b");
        assert_eq!(view.offer.as_deref(), Some("% 1x"));
        assert_eq!(view.grade.as_deref(), Some("%-1"));
        assert_eq!(view.role.as_deref(), Some("+"));
    }

    #[test]
    fn compare_is_capped_and_empty_values_are_dropped() {
        let view = ViewQuery::parse("compare=a,,b,c,d,e&role=&offer");
        assert_eq!(view.compare, vec!["a", "b", "c", "d"]);
        assert_eq!(view.role, None);
        assert_eq!(view.offer, None);
        assert_eq!(ViewQuery::default().to_query(), "");
    }

    #[test]
    fn relative_folders_are_kept_with_a_trailing_slash() {
        assert_eq!(data_base("other-data").unwrap(), "other-data/");
        assert_eq!(data_base("./a/b/").unwrap(), "./a/b/");
        assert_eq!(data_base("/team/data").unwrap(), "/team/data/");
        assert_eq!(data_base("").unwrap(), DEFAULT_DATA_BASE);
    }

    #[test]
    fn other_origins_and_schemes_are_refused() {
        for hostile in [
            "https://evil.example/data/",
            "//evil.example/data",
            "javascript:alert(1)",
            "data:text/plain,x",
            "\\\\evil\\share",
            "data?x=1",
        ] {
            assert!(data_base(hostile).is_err(), "{hostile} was accepted");
        }
    }

    #[test]
    fn a_role_page_keeps_its_own_role_and_level_out_of_the_url() {
        let implied = ViewQuery {
            role: Some("engineering/backend-engineer".into()),
            level: Some("senior".into()),
            ..ViewQuery::default()
        };
        let bare = ViewQuery::parse("?location=japan/tokyo").with_implied(&implied);
        assert_eq!(bare.role.as_deref(), Some("engineering/backend-engineer"));
        assert_eq!(bare.level.as_deref(), Some("senior"));
        assert_eq!(
            bare.clone().without_implied(&implied).to_query(),
            "?location=japan/tokyo"
        );
        let other = ViewQuery::parse("?role=cto").with_implied(&implied);
        assert_eq!(other.level, None);
        assert_eq!(
            other.clone().without_implied(&implied).role.as_deref(),
            Some("cto")
        );
        let relevelled = ViewQuery::parse("?level=staff").with_implied(&implied);
        assert_eq!(
            relevelled.without_implied(&implied).to_query(),
            "?level=staff"
        );
    }
}
