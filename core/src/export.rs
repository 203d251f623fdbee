//! What a hiring manager pastes into a job ad: the band as schema.org JSON-LD and as a plain sentence.

use crate::band::amount;
use crate::transparency::{BenefitsStatement, PostedRange, Posting};

/// How amounts are written in the ad (whole units). The page passes the reader's locale (Intl); tests and
/// the CLI pass plain formats.
pub struct MoneyFormats<'a> {
    pub whole: &'a dyn Fn(f64, &str) -> String,
}

/// A place as the ad names it: locality ("Toronto, Ontario") and country.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AdPlace {
    pub locality: String,
    pub country: String,
    /// True for a country-wide location, so a remote posting asks for the country, not an area.
    pub whole_country: bool,
}

/// The ad's pay text, one paragraph per statement, saying everything the applying rules need: the range
/// remote scope, base or variable pay, benefits, and the statements the laws ask for (from
/// `job_ads.statements`).
/// With no rule, it is the one sentence "The base salary for this role in … is … to … a year."
pub fn ad_paragraphs(posting: &Posting, places: &[AdPlace], money: &MoneyFormats) -> Vec<String> {
    let code = posting.currency.as_str();
    let whole = |value: f64| (money.whole)(value, code);
    let locality = places
        .first()
        .map_or("this location", |p| p.locality.as_str());
    let figures = match posting.range {
        PostedRange::Between(min, max) => format!("{} to {}", whole(min), whole(max)),
        PostedRange::Exactly(value) => whole(value),
        PostedRange::From(value) => format!("from {}", whole(value)),
        PostedRange::UpTo(value) => format!("up to {}", whole(value)),
    };
    let subject = if posting.remote {
        "this remote role".to_string()
    } else {
        format!("this role in {locality}")
    };
    let mut paragraphs = vec![format!(
        "The base salary for {subject} is {figures} a year."
    )];
    let names: Vec<&str> = places.iter().map(|p| p.locality.as_str()).collect();
    if posting.remote {
        paragraphs.push(format!(
            "This is a remote role, open to applicants in {}.",
            join_or(&names, "and")
        ));
    } else if places.len() > 1 {
        paragraphs.push(format!(
            "The role can be based in {}.",
            join_or(&names, "or")
        ));
    }
    if posting.states_variable {
        paragraphs.push(match posting.variable {
            Some(variable) => format!(
                "On top of base salary, the role has target variable pay of {} a year.",
                whole(variable)
            ),
            None => "The role has no variable pay; the range is all of its cash pay.".to_string(),
        });
    }
    match &posting.benefits {
        BenefitsStatement::None => {}
        BenefitsStatement::Text(text) => {
            paragraphs.push(format!("Benefits and other compensation: {text}"))
        }
        BenefitsStatement::Link(url) => {
            paragraphs.push(format!("Benefits and other compensation: {url}"))
        }
    }
    paragraphs.extend(posting.statements.iter().map(|(_, text)| text.clone()));
    paragraphs
}

/// The sentence an ad states about the grade's equity, where the company chooses to (`job_ads.state_equity`)
/// and the data has a grant here: the grant, its vesting, and its yearly value at the stated valuation.
pub fn equity_sentence(
    data: &crate::model::Dataset,
    band: &crate::band::Band,
    location: &crate::model::Location,
    money: &MoneyFormats,
) -> Option<String> {
    if !data.manifest.job_ads.state_equity {
        return None;
    }
    let grant = crate::view::grant_for(data, band.grade, location)?;
    let year = crate::view::equity_year(data, grant, 1.0, &band.currency)?;
    let what = match grant.kind {
        crate::model::EquityKind::Options => format!(
            "{} options (strike {} {})",
            amount(grant.shares),
            amount(grant.strike.unwrap_or(0.0)),
            grant.currency
        ),
        crate::model::EquityKind::Shares => {
            format!("{} restricted stock units", amount(grant.shares))
        }
    };
    Some(format!(
        "The role includes an equity grant of {what}, worth about {} a year at the valuation of {}. {}",
        (money.whole)(year.per_year, &band.currency),
        grant.valuation_date,
        year.vesting
    ))
}

/// "A", "A and B", "A, B and C".
fn join_or(names: &[&str], word: &str) -> String {
    match names {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => format!("{} {word} {last}", rest.join(", ")),
    }
}

/// A schema.org `JobPosting` following Google's job-posting fields, for a job ad page's
/// `<script type="application/ld+json">`: `baseSalary` as a `MonetaryAmount` with a `QuantitativeValue`
/// (`unitText` `YEAR`), the ad text as `description`, and for a remote posting `jobLocationType`
/// `TELECOMMUTE` with `applicantLocationRequirements` instead of a `jobLocation`.
pub fn job_posting_json_ld(
    posting: &Posting,
    title: &str,
    organisation: &str,
    places: &[AdPlace],
    description: &str,
) -> String {
    let (min, max) = match posting.range {
        PostedRange::Between(min, max) => (Some(min), Some(max)),
        PostedRange::Exactly(value) => (Some(value), Some(value)),
        PostedRange::From(value) => (Some(value), None),
        PostedRange::UpTo(value) => (None, Some(value)),
    };
    let mut value = String::from("{\n      \"@type\": \"QuantitativeValue\",");
    if let Some(min) = min {
        value.push_str(&format!("\n      \"minValue\": {},", whole(min)));
    }
    if let Some(max) = max {
        value.push_str(&format!("\n      \"maxValue\": {},", whole(max)));
    }
    value.push_str("\n      \"unitText\": \"YEAR\"\n    }");
    let mut out = format!(
        r#"{{
  "@context": "https://schema.org/",
  "@type": "JobPosting",
  "title": {title},
  "description": {description},
  "hiringOrganization": {{ "@type": "Organization", "name": {organisation} }},"#,
        title = json_string(title),
        description = json_string(description),
        organisation = json_string(organisation),
    );
    if posting.remote {
        let areas: Vec<String> = places
            .iter()
            .map(|place| {
                if place.whole_country {
                    format!(
                        r#"{{ "@type": "Country", "name": {} }}"#,
                        json_string(&place.country)
                    )
                } else {
                    format!(
                        r#"{{ "@type": "AdministrativeArea", "name": {} }}"#,
                        json_string(&format!("{}, {}", place.locality, place.country))
                    )
                }
            })
            .collect();
        out.push_str(&format!(
            "\n  \"jobLocationType\": \"TELECOMMUTE\",\n  \"applicantLocationRequirements\": [\n    {}\n  ],",
            areas.join(",\n    ")
        ));
    } else {
        let place = |place: &AdPlace| {
            format!(
                "{{\n    \"@type\": \"Place\",\n    \"address\": {{ \"@type\": \"PostalAddress\", \"addressLocality\": {}, \"addressCountry\": {} }}\n  }}",
                json_string(&place.locality),
                json_string(&place.country)
            )
        };
        let locations: Vec<String> = places.iter().map(place).collect();
        match locations.as_slice() {
            [one] => out.push_str(&format!("\n  \"jobLocation\": {one},")),
            many => out.push_str(&format!(
                "\n  \"jobLocation\": [\n  {}\n  ],",
                many.join(",\n  ")
            )),
        }
    }
    if let BenefitsStatement::Text(text) = &posting.benefits {
        out.push_str(&format!("\n  \"jobBenefits\": {},", json_string(text)));
    }
    if let (true, Some(variable)) = (posting.states_variable, posting.variable) {
        out.push_str(&format!(
            "\n  \"incentiveCompensation\": {},",
            json_string(&format!(
                "Target variable pay of {} {} a year",
                amount(variable),
                posting.currency
            ))
        ));
    }
    out.push_str(&format!(
        r#"
  "baseSalary": {{
    "@type": "MonetaryAmount",
    "currency": {currency},
    "value": {value}
  }}
}}"#,
        currency = json_string(&posting.currency),
    ));
    out
}

/// A JSON string literal; escapes `<` too, so the snippet is safe inside a `<script>` element.
fn json_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '<' => out.push_str("\\u003c"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Band amounts are whole currency units after rounding; JSON wants them without a fraction.
fn whole(value: f64) -> String {
    crate::format::fixed(value.round(), 0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Content;

    fn posting() -> Posting {
        Posting {
            currency: "GBP".into(),
            range: PostedRange::Between(196_600.0, 294_900.0),
            range_in_ad: true,
            benefits: BenefitsStatement::None,
            states_variable: false,
            variable: Some(61_500.0),
            remote: false,
            statements: Vec::new(),
        }
    }

    fn place(locality: &str, country: &str) -> AdPlace {
        AdPlace {
            locality: locality.into(),
            country: country.into(),
            whole_country: false,
        }
    }

    fn plain(value: f64, code: &str) -> String {
        format!("{code} {}", amount(value))
    }

    const PLAIN: MoneyFormats = MoneyFormats { whole: &plain };

    #[test]
    fn json_ld_has_the_schema_org_shape() {
        let text = job_posting_json_ld(
            &posting(),
            "VP \"Strategy\" </script>",
            "Example Co.",
            &[place("London, England", "United Kingdom")],
            "The base salary…",
        );
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(value["@type"], "JobPosting");
        assert_eq!(value["title"], "VP \"Strategy\" </script>");
        assert!(!text.contains("</script>"));
        let salary = &value["baseSalary"];
        assert_eq!(salary["@type"], "MonetaryAmount");
        assert_eq!(salary["currency"], "GBP");
        assert_eq!(salary["value"]["@type"], "QuantitativeValue");
        assert_eq!(salary["value"]["minValue"], 196_600);
        assert_eq!(salary["value"]["maxValue"], 294_900);
        assert_eq!(salary["value"]["unitText"], "YEAR");
        assert_eq!(
            value["jobLocation"]["address"]["addressLocality"],
            "London, England"
        );
        assert!(value.get("jobLocationType").is_none());
    }

    #[test]
    fn a_remote_posting_is_telecommute_with_applicant_locations() {
        let remote = Posting {
            remote: true,
            states_variable: true,
            benefits: BenefitsStatement::Text("Health cover".into()),
            ..posting()
        };
        let places = [
            place("New York, New York", "United States"),
            AdPlace {
                locality: "Germany".into(),
                country: "Germany".into(),
                whole_country: true,
            },
        ];
        let text = job_posting_json_ld(&remote, "VP", "Example Co.", &places, "x");
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(value["jobLocationType"], "TELECOMMUTE");
        assert!(value.get("jobLocation").is_none());
        let areas = value["applicantLocationRequirements"].as_array().unwrap();
        assert_eq!(areas[0]["@type"], "AdministrativeArea");
        assert_eq!(areas[0]["name"], "New York, New York, United States");
        assert_eq!(areas[1]["@type"], "Country");
        assert_eq!(value["jobBenefits"], "Health cover");
        assert_eq!(
            value["incentiveCompensation"],
            "Target variable pay of 61,500 GBP a year"
        );
    }

    #[test]
    fn the_ad_says_what_the_rules_need() {
        let london = [place("London, England", "United Kingdom")];
        assert_eq!(
            ad_paragraphs(&posting(), &london, &PLAIN),
            vec!["The base salary for this role in London, England is GBP 196,600 to GBP 294,900 a year."]
        );
        let full = Posting {
            states_variable: true,
            benefits: BenefitsStatement::Link("https://example.com/b".into()),
            statements: vec![(
                Content::AiScreening,
                "We do not use AI to screen applicants.".into(),
            )],
            ..posting()
        };
        let text = ad_paragraphs(&full, &london, &PLAIN);
        assert_eq!(
            text,
            vec![
                "The base salary for this role in London, England is GBP 196,600 to GBP 294,900 a year.",
                "On top of base salary, the role has target variable pay of GBP 61,500 a year.",
                "Benefits and other compensation: https://example.com/b",
                "We do not use AI to screen applicants.",
            ]
        );
    }
}
