//! What a hiring manager pastes into a job ad: the band as schema.org JSON-LD and as a plain sentence.

use crate::band::Band;

/// A schema.org `JobPosting` with the band as its `baseSalary`, for a job ad page's
/// `<script type="application/ld+json">`.
pub fn job_posting_json_ld(
    band: &Band,
    title: &str,
    organisation: &str,
    locality: &str,
    country: &str,
) -> String {
    format!(
        r#"{{
  "@context": "https://schema.org/",
  "@type": "JobPosting",
  "title": {title},
  "hiringOrganization": {{ "@type": "Organization", "name": {organisation} }},
  "jobLocation": {{
    "@type": "Place",
    "address": {{ "@type": "PostalAddress", "addressLocality": {locality}, "addressCountry": {country} }}
  }},
  "baseSalary": {{
    "@type": "MonetaryAmount",
    "currency": {currency},
    "value": {{
      "@type": "QuantitativeValue",
      "minValue": {min},
      "maxValue": {max},
      "unitText": "YEAR"
    }}
  }}
}}"#,
        title = json_string(title),
        organisation = json_string(organisation),
        locality = json_string(locality),
        country = json_string(country),
        currency = json_string(&band.currency),
        min = whole(band.min),
        max = whole(band.max),
    )
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
    format!("{:.0}", value.round())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Date;

    fn band() -> Band {
        Band {
            grade: 12,
            location_id: "united-kingdom/london-england".into(),
            currency: "GBP".into(),
            min: 196_600.0,
            mid: 245_700.0,
            max: 294_900.0,
            compa_ranges: Vec::new(),
            variable: None,
            total_target_cash: 245_700.0,
            rate_as_of: Date::parse("2026-10-30").unwrap(),
            rate_stale: false,
            breakdown: Vec::new(),
        }
    }

    #[test]
    fn json_ld_has_the_schema_org_shape() {
        let text = job_posting_json_ld(
            &band(),
            "VP \"Strategy\" </script>",
            "Example Co.",
            "London, England",
            "United Kingdom",
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
    }
}
