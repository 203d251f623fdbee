//! The pay-transparency rules file: one law per row (or one EU member state's Directive context), read
//! with the same located errors as the other tables. Each cell's allowed words are listed in
//! docs/data-format.md; the maintained rules are `rules/pay-rules.csv`.

use crate::model::{
    BenefitsRule, Content, Counted, DataError, Date, Jurisdiction, PayBasis, PayRule, Reach,
    RuleKind, RuleSet, Transposition,
};

use super::csv_table::{currency_code, number, read_keyed, text, Columns, Key, Row, Sign};

const COLUMNS: Columns = Columns {
    required: &[
        "id",
        "name",
        "country",
        "citation",
        "source",
        "in_force_from",
        "summary",
        "reviewed",
    ],
    optional: &[
        "kind",
        "region",
        "city",
        "second_source",
        "in_force_until",
        "enforced_from",
        "employees_min",
        "employees_counted",
        "pay",
        "pay_by_link",
        "pay_basis",
        "benefits",
        "width_cap",
        "cap_exempt_above",
        "duty_exempt_above",
        "cap_currency",
        "remote",
        "internal",
        "other_content",
        "pay_history_ban",
        "transposition",
        "exemptions",
        "sources_note",
    ],
};

/// Columns of the format before rules were dated, sized and sourced row by row; a file that has them gets
/// one error saying what to change, and the maintained rules are used instead.
const OLD_COLUMNS: [(&str, &str); 5] = [
    ("area", "split it into region (state or province) and city"),
    ("applies_from", "rename it in_force_from"),
    ("range", "replace it with pay: range, range-or-single, minimum or before-interview"),
    ("range_by_link", "rename it pay_by_link"),
    ("pay_period", "remove it (no law in the maintained rules asks for an hourly figure beside the annual one)"),
];

/// Where the maintained rules live: in the repository, in every built site beside the app's files, and in
/// errors about them.
pub const MAINTAINED_RULES: &str = "rules/pay-rules.csv";

/// The maintained rules, built into native programs (the CLI, the pre-renderer); the page fetches the same
/// file from the site instead, so the wasm carries none of it.
#[cfg(not(target_arch = "wasm32"))]
pub const MAINTAINED_RULES_CSV: &str = include_str!("../../../rules/pay-rules.csv");

/// Lays a dataset's own rules (already in `pay_rules`) over the maintained ones: the one place the two
/// sources meet, for every front. `maintained` is the file's bytes, or why it could not be had.
pub fn with_maintained_rules(
    dataset: &mut crate::model::Dataset,
    maintained: Result<&[u8], String>,
) -> Vec<DataError> {
    match maintained {
        Ok(bytes) => {
            let (rules, errors) = parse_pay_rules(MAINTAINED_RULES, bytes);
            let own = std::mem::take(&mut dataset.pay_rules);
            dataset.pay_rules = merge_rules(rules, own);
            errors
        }
        Err(reason) => vec![DataError::file(
            MAINTAINED_RULES,
            format!("the maintained pay-transparency rules could not be loaded ({reason}); job ads are checked against this folder's own rules only"),
        )],
    }
}

/// Reads a rules file; bad rows and later duplicate ids are reported and skipped.
pub fn parse_pay_rules(file: &str, bytes: &[u8]) -> (Vec<RuleSet>, Vec<DataError>) {
    if let Some(error) = old_format(file, bytes) {
        return (Vec::new(), vec![error]);
    }
    let key = Key {
        label: |rule: &RuleSet| format!("rule set \"{}\"", rule.id),
        field: Some("id"),
    };
    let (mut rules, errors) = read_keyed(file, bytes, &COLUMNS, rule_row, key);
    for rule in &mut rules {
        rule.file = file.to_string();
    }
    (rules, errors)
}

/// The maintained rules with a folder's own laid over them: a row with a maintained row's id replaces it,
/// any other row is added. Maintained order first, so lists read the same in every folder.
pub fn merge_rules(maintained: Vec<RuleSet>, own: Vec<RuleSet>) -> Vec<RuleSet> {
    let mut merged = maintained;
    for rule in own {
        match merged.iter_mut().find(|seen| seen.id == rule.id) {
            Some(slot) => *slot = rule,
            None => merged.push(rule),
        }
    }
    merged
}

/// One error, on the header line, when the file is in the old format.
fn old_format(file: &str, bytes: &[u8]) -> Option<DataError> {
    let text = std::str::from_utf8(bytes).ok()?;
    let (line, header) = text
        .lines()
        .enumerate()
        .find(|(_, line)| !line.trim().is_empty())?;
    let columns: Vec<String> = header
        .trim_start_matches('\u{feff}')
        .split(',')
        .map(|column| column.trim().trim_matches('"').to_ascii_lowercase())
        .collect();
    let changes: Vec<String> = OLD_COLUMNS
        .iter()
        .filter(|(old, _)| columns.iter().any(|column| column == old))
        .map(|(old, change)| format!("{old}: {change}"))
        .collect();
    (!changes.is_empty()).then(|| {
        DataError::line(
            file,
            line + 1,
            format!(
                "is in the old rules format, so none of its rows are used (the maintained rules still apply). \
To keep your own rows, change the columns ({}) and add employees_min, remote and the other columns \
docs/data-format.md lists; or delete the file to use only the maintained rules",
                changes.join("; ")
            ),
        )
    })
}

fn rule_row<'r>(file: &str, row: &'r Row) -> Result<RuleSet, DataError> {
    let bad = |field: &str, message: String| DataError::field(file, Some(row.line), field, message);
    let kind = word(
        file,
        row,
        "kind",
        &[
            ("", RuleKind::Law),
            ("law", RuleKind::Law),
            ("directive-context", RuleKind::DirectiveContext),
        ],
    )?;
    let id = text(file, row, "id")?;
    if crate::model::slug(id) != id {
        return Err(bad(
            "id",
            format!("\"{id}\" must be lower-case letters, digits and single dashes"),
        ));
    }
    let name = text(file, row, "name")?;
    let optional = |field: &str| Some(row.get(field).trim()).filter(|v| !v.is_empty());
    let country = text(file, row, "country")?;
    if country.contains(';') {
        return Err(bad(
            "country",
            "names more than one country; give each country's law its own row".to_string(),
        ));
    }
    let citation = text(file, row, "citation")?;
    let address = |field: &str, value: &'r str| {
        if value.starts_with("https://") || value.starts_with("http://") {
            Ok(value)
        } else {
            Err(bad(
                field,
                format!("\"{value}\" must be an http or https address"),
            ))
        }
    };
    let source = address("source", text(file, row, "source")?)?;
    let second_source = optional("second_source")
        .map(|value| address("second_source", value))
        .transpose()?;
    let date = |field: &str| {
        let raw = row.get(field);
        Date::parse(raw).ok_or_else(|| {
            bad(
                field,
                format!("\"{raw}\" is not a date in the form YYYY-MM-DD"),
            )
        })
    };
    let optional_date = |field: &str| match row.get(field).trim() {
        "" => Ok(None),
        _ => date(field).map(Some),
    };
    let in_force_from = date("in_force_from")?;
    let in_force_until = optional_date("in_force_until")?;
    let enforced_from = optional_date("enforced_from")?;
    let reviewed = date("reviewed")?;
    if let Some(until) = in_force_until.filter(|until| *until < in_force_from) {
        return Err(bad(
            "in_force_until",
            format!("{until} is before in_force_from {in_force_from}"),
        ));
    }
    if let Some(enforced) = enforced_from.filter(|enforced| *enforced < in_force_from) {
        return Err(bad(
            "enforced_from",
            format!("{enforced} is before in_force_from {in_force_from}"),
        ));
    }
    let employees_min = match row.get("employees_min").trim() {
        "" => None,
        raw => Some(raw.parse::<u32>().map_err(|_| {
            bad(
                "employees_min",
                format!("\"{raw}\" is not a whole number of employees"),
            )
        })?),
    };
    let employees_counted = word(
        file,
        row,
        "employees_counted",
        &[
            ("", Counted::Anywhere),
            ("anywhere", Counted::Anywhere),
            ("in-jurisdiction", Counted::InJurisdiction),
        ],
    )?;
    let is_law = kind == RuleKind::Law;
    let law_word = |field: &str| {
        if is_law && row.get(field).trim().is_empty() {
            Err(bad(field, "is empty; a law's row must say it".to_string()))
        } else {
            Ok(())
        }
    };
    law_word("pay")?;
    law_word("pay_basis")?;
    law_word("benefits")?;
    let pay = word(
        file,
        row,
        "pay",
        &[
            ("", PayRule::RangeOrSingle),
            ("range", PayRule::Range),
            ("range-or-single", PayRule::RangeOrSingle),
            ("minimum", PayRule::Minimum),
            ("before-interview", PayRule::BeforeInterview),
        ],
    )?;
    let benefits = word(
        file,
        row,
        "benefits",
        &[
            ("", BenefitsRule::NotRequired),
            ("no", BenefitsRule::NotRequired),
            ("text", BenefitsRule::Text),
            ("text-or-link", BenefitsRule::TextOrLink),
        ],
    )?;
    let pay_basis = word(
        file,
        row,
        "pay_basis",
        &[
            ("", PayBasis::Base),
            ("base", PayBasis::Base),
            ("base-and-variable", PayBasis::BaseAndVariable),
        ],
    )?;
    let yes_no = |field: &str| {
        word(
            file,
            row,
            field,
            &[("", false), ("no", false), ("yes", true)],
        )
    };
    let reach = |field: &str| {
        word(
            file,
            row,
            field,
            &[
                ("", Reach::Unclear),
                ("unclear", Reach::Unclear),
                ("yes", Reach::Yes),
                ("no", Reach::No),
            ],
        )
    };
    let pay_by_link = yes_no("pay_by_link")?;
    let pay_history_ban = yes_no("pay_history_ban")?;
    let remote = reach("remote")?;
    let internal = reach("internal")?;
    let amount = |field: &str| match row.get(field).trim() {
        "" => Ok(None),
        _ => number(file, row, field, Sign::Positive).map(Some),
    };
    let width_cap = amount("width_cap")?;
    let cap_exempt_above = amount("cap_exempt_above")?;
    let duty_exempt_above = amount("duty_exempt_above")?;
    let cap_currency = currency_code(file, row, "cap_currency", false)?;
    if (width_cap.is_some() || cap_exempt_above.is_some() || duty_exempt_above.is_some())
        && cap_currency.is_none()
    {
        return Err(bad(
            "cap_currency",
            "is empty; width_cap, cap_exempt_above and duty_exempt_above need the currency they are written in"
                .to_string(),
        ));
    }
    if cap_exempt_above.is_some() && width_cap.is_none() {
        return Err(bad(
            "cap_exempt_above",
            "is set but width_cap is empty; there is no cap to exempt from".to_string(),
        ));
    }
    let mut other_content = Vec::new();
    for item in row
        .get("other_content")
        .split(';')
        .map(str::trim)
        .filter(|item| !item.is_empty())
    {
        let Some(content) = Content::from_word(&item.to_ascii_lowercase()) else {
            let words: Vec<&str> = Content::ALL.iter().map(|c| c.word()).collect();
            return Err(bad(
                "other_content",
                format!("\"{item}\" must be one of {}", words.join(", ")),
            ));
        };
        if !other_content.contains(&content) {
            other_content.push(content);
        }
    }
    let transposition = match row.get("transposition").trim() {
        "" if kind == RuleKind::DirectiveContext => {
            return Err(bad(
                "transposition",
                "is empty; a directive-context row says how far the national act has come"
                    .to_string(),
            ))
        }
        "" => None,
        _ => Some(word(
            file,
            row,
            "transposition",
            &[
                ("in-force", Transposition::InForce),
                ("partial", Transposition::Partial),
                ("enacted", Transposition::Enacted),
                ("draft", Transposition::Draft),
                ("none-known", Transposition::NoneKnown),
            ],
        )?),
    };
    let summary = text(file, row, "summary")?;
    let owned = |text: Option<&str>| text.map(str::to_string);
    Ok(RuleSet {
        kind,
        id: id.to_string(),
        name: name.to_string(),
        jurisdiction: Jurisdiction {
            country: country.to_string(),
            region: owned(optional("region")),
            city: owned(optional("city")),
        },
        citation: citation.to_string(),
        source: source.to_string(),
        second_source: owned(second_source),
        in_force_from,
        in_force_until,
        enforced_from,
        employees_min,
        employees_counted,
        pay,
        pay_by_link,
        pay_basis,
        benefits,
        width_cap,
        cap_exempt_above,
        duty_exempt_above,
        cap_currency: owned(cap_currency),
        remote,
        internal,
        other_content,
        pay_history_ban,
        transposition,
        exemptions: row.get("exemptions").trim().to_string(),
        summary: summary.to_string(),
        sources_note: row.get("sources_note").trim().to_string(),
        reviewed,
        file: String::new(),
        line: row.line,
    })
}

/// A cell that must be one of a few words (ASCII case ignored); the error lists them.
fn word<T: Copy>(
    file: &str,
    row: &Row,
    field: &str,
    allowed: &[(&str, T)],
) -> Result<T, DataError> {
    let cell = row.get(field).to_ascii_lowercase();
    allowed
        .iter()
        .find(|(name, _)| *name == cell)
        .map(|(_, value)| *value)
        .ok_or_else(|| {
            let names: Vec<&str> = allowed
                .iter()
                .map(|(name, _)| *name)
                .filter(|name| !name.is_empty())
                .collect();
            DataError::field(
                file,
                Some(row.line),
                field,
                format!(
                    "{} must be one of {}",
                    super::csv_table::quoted_cell(row.get(field)),
                    names.join(", ")
                ),
            )
        })
}
