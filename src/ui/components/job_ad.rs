//! The band ready for a job ad: the pay-transparency rules that apply where it is advertised and whether the
//! posting meets each, a compliant range when the band is too wide, the ad text and a schema.org JSON-LD
//! snippet, each with a copy button. The checks and figures come from the core (`transparency`, `export`).

use yew::prelude::*;

use crate::band::Band;
use crate::export::{ad_paragraphs, equity_sentence, job_posting_json_ld, AdPlace, MoneyFormats};
use crate::model::{Dataset, Date, Location, RuleSet};
use crate::transparency::{check_ad, AdCheck, PostedBand, PostingFacts, RuleSetCheck, Verdict};
use crate::ui::browser::copy_text;
use crate::ui::components::LocationPicker;
use crate::ui::format::{exact, money};
use crate::ui::markup::{checkbox, h3, link_out, para};
use crate::ui::state::Shared;
use crate::ui::url::MAX_COMPARE;

#[derive(Properties, PartialEq)]
pub struct JobAdProps {
    pub band: Band,
    pub title: AttrValue,
    pub organisation: AttrValue,
    /// Where the job is: the area and the country, as the ad states them.
    pub locality: AttrValue,
    pub country: AttrValue,
    /// The data, for the rules and the "also open to" picker.
    pub dataset: Shared<Dataset>,
    /// The chosen location, where the band was computed.
    pub location: AttrValue,
    /// Other places the posting is open to.
    #[prop_or_default]
    pub also: Vec<String>,
    #[prop_or_default]
    pub remote: bool,
    #[prop_or_default]
    pub today: Option<Date>,
    /// The date the ad goes out (the view's `posted`); `None`: today.
    #[prop_or_default]
    pub posted: Option<Date>,
    #[prop_or_default]
    pub on_posted: Callback<String>,
    #[prop_or_default]
    pub on_remote: Callback<bool>,
    #[prop_or_default]
    pub on_add: Callback<String>,
    #[prop_or_default]
    pub on_remove: Callback<String>,
}

/// How a place is named in the ad: the area, or the country for country-wide rows.
fn ad_place(location: &Location) -> AdPlace {
    AdPlace {
        locality: location.locality().to_string(),
        country: location.country.clone(),
        whole_country: location.whole_country(),
    }
}

/// The ad's paragraphs in the reader's locale.
pub fn ad_text(check: &AdCheck, places: &[AdPlace]) -> Vec<String> {
    let formats = MoneyFormats { whole: &money };
    ad_paragraphs(&check.final_posting(), places, &formats)
}

fn verdict_word(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Meets => "Meets",
        Verdict::Note => "Note",
        Verdict::CannotTell => "Cannot tell",
        Verdict::Breaks => "Does not meet",
    }
}

fn verdict_class(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Meets => "pg-meets",
        Verdict::Note => "pg-note",
        Verdict::CannotTell => "pg-cannot-tell",
        Verdict::Breaks => "pg-breaks",
    }
}

fn rule_set_card(check: &RuleSetCheck, max_age_days: u32) -> Html {
    let rule = &check.rule;
    let verdict = check.verdict();
    let findings = check.findings.iter().map(|finding| {
        html! {
            <li class={classes!("pg-finding", verdict_class(finding.verdict))}>
                <strong>{ format!("{}: {}.", verdict_word(finding.verdict), finding.requirement) }</strong>
                { " " }{ finding.detail.clone() }
            </li>
        }
    });
    let in_force = match (rule.in_force_until, rule.enforced_from) {
        (Some(until), _) => format!("In force {} to {until}.", rule.in_force_from),
        (None, Some(enforced)) => format!(
            "In force from {}, enforced from {enforced}.",
            rule.in_force_from
        ),
        (None, None) => format!("In force from {}.", rule.in_force_from),
    };
    let size = match rule.employees_min {
        Some(minimum) => format!(" Covers employers with {minimum} or more employees."),
        None => " Covers employers of any size.".to_string(),
    };
    html! {
        <li class="pg-rule-set" data-rule={rule.id.clone()} data-rule-status={check.status.word()}>
            <h4>{ format!("{} ({})", rule.name, rule.jurisdiction.name()) }</h4>
            <p class={classes!("pg-rule-status", (!check.applies()).then_some("pg-note"))}>
                { check.status.explain() }
                { format!(" Takes in {}.", check.places.join("; ")) }
            </p>
            if check.applies() {
                <p class={classes!("pg-rule-verdict", verdict_class(verdict))}>
                    { match verdict {
                        Verdict::Meets | Verdict::Note => "The posting meets this law.",
                        Verdict::CannotTell => "Some of what this law asks cannot be checked by paygrade; see below.",
                        Verdict::Breaks => "The posting does not meet this law.",
                    } }
                </p>
            }
            <p class="pg-rule-source">
                { format!("{} {in_force}{size} ", rule.citation) }
                { link_out(rule.source.clone(), "Source") }
                if let Some(second) = &rule.second_source {
                    { " · " }{ link_out(second.clone(), "Second source") }
                }
            </p>
            <p class={classes!("pg-rule-reviewed", check.stale.then_some("pg-warning"))}>
                { format!("Last checked against its sources {}.", rule.reviewed) }
                if check.stale {
                    { format!(" That is more than {max_age_days} days ago: this summary may be out of date; check the source.") }
                }
            </p>
            { para("pg-rule-summary", rule.summary.clone()) }
            if !rule.exemptions.is_empty() {
                { para("pg-rule-exemptions", format!("Exemptions: {}", rule.exemptions)) }
            }
            if !rule.sources_note.is_empty() {
                <details class="pg-rule-notes">
                    <summary>{ "How sure is this?" }</summary>
                    <p>{ rule.sources_note.clone() }</p>
                </details>
            }
            if check.applies() {
                <ul class="pg-findings" aria-label={format!("What {} asks", rule.name)}>{ for findings }</ul>
            }
        </li>
    }
}

/// The EU Directive where a member state's act is not in force: context that imposes nothing.
fn directive_notice(rule: &RuleSet) -> Html {
    html! {
        <div class="pg-rule-notice" data-directive={rule.jurisdiction.country.clone()}>
            <h4>{ rule.name.clone() }</h4>
            <p>{ format!("The EU Pay Transparency Directive (2023/970) had to be put into national law by {}. It binds member states, not employers: until {}'s own act is in force, it asks nothing of this ad.", rule.in_force_from, rule.jurisdiction.country) }</p>
            <p>{ rule.summary.clone() }{ " " }{ link_out(rule.source.clone(), "Source") }
                { format!(" (checked {}).", rule.reviewed) }</p>
        </div>
    }
}

/// A job ad for a band: the rules' check, the places it names, its paragraphs and its `JobPosting` JSON-LD.
pub struct Ad {
    pub check: AdCheck,
    pub paragraphs: Vec<String>,
    pub json: String,
}

/// Where the ad is open: the chosen location first, then the others it names.
fn ad_locations(props: &JobAdProps) -> Vec<&Location> {
    let dataset = &props.dataset;
    let primary = dataset.location(&props.location);
    let mut locations: Vec<&Location> = primary.into_iter().collect();
    for id in props.also.iter().filter(|id| **id != props.location) {
        if let Some(location) = dataset.location(id) {
            locations.push(location);
        }
    }
    locations
}

/// The ad [`JobAd`] shows for `props`; the pre-rendered pages put the same JSON-LD in their head.
pub fn ad_for(props: &JobAdProps) -> Ad {
    let dataset = &props.dataset;
    let locations = ad_locations(props);
    let check = check_ad(
        dataset,
        &PostedBand::from(&props.band),
        PostingFacts {
            places: &locations,
            remote: props.remote,
            posted: props.posted.or(props.today),
            today: props.today,
        },
    );
    let mut places: Vec<AdPlace> = locations.iter().map(|l| ad_place(l)).collect();
    if places.is_empty() {
        places.push(AdPlace {
            locality: props.locality.to_string(),
            country: props.country.to_string(),
            whole_country: false,
        });
    }
    let mut paragraphs = ad_text(&check, &places);
    if let Some(location) = locations.first() {
        paragraphs.extend(equity_sentence(
            dataset,
            &props.band,
            location,
            &MoneyFormats { whole: &money },
        ));
    }
    let text = paragraphs.join("\n\n");
    let json = job_posting_json_ld(
        &check.final_posting(),
        &props.title,
        &props.organisation,
        &places,
        &text,
    );
    Ad {
        check,
        paragraphs,
        json,
    }
}

#[function_component]
pub fn JobAd(props: &JobAdProps) -> Html {
    let copied = use_state(|| None::<&'static str>);
    let Ad {
        check,
        paragraphs,
        json,
    } = ad_for(props);
    let text = paragraphs.join("\n\n");
    let dataset = &props.dataset;
    let locations = ad_locations(props);
    let copy = |what: &'static str, text: String| {
        let copied = copied.clone();
        Callback::from(move |_| {
            let copied = copied.clone();
            let text = text.clone();
            wasm_bindgen_futures::spawn_local(async move {
                copied.set(Some(if copy_text(&text).await {
                    what
                } else {
                    "nothing: the browser refused"
                }));
            });
        })
    };
    let extra = locations.iter().skip(1).map(|location| {
        let on_remove = props.on_remove.clone();
        let id = location.id.clone();
        let name = location.name();
        html! {
            <li>
                { name.clone() }{ " " }
                <button type="button" class="pg-button" aria-label={format!("Remove {name} from the job ad")}
                    onclick={move |_| on_remove.emit(id.clone())}>{ "Remove" }</button>
            </li>
        }
    });
    let max_age = dataset.manifest.job_ads.rules_max_age_days;
    let no_rule = check.places_without_rule();
    let onposted = {
        let on_posted = props.on_posted.clone();
        Callback::from(move |event: Event| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            on_posted.emit(input.value());
        })
    };
    let posted_text = check
        .posted
        .map(|date| date.to_string())
        .unwrap_or_default();
    let overall = check.verdict();
    let offered = check.offered.as_ref().map(|offered| {
        let currency = &check.posting.currency;
        let meets = matches!(check.offered_verdict(), Some(Verdict::Meets | Verdict::Note));
        html! {
            <div class="pg-offered">
                { h3("A compliant range inside the band") }
                <p class="pg-offered-range" data-min={exact(offered.min)} data-max={exact(offered.max)}>
                    { format!("{} to {}", money(offered.min, currency), money(offered.max, currency)) }
                </p>
                <p>{ offered.reason.clone() }</p>
                <p>{ if meets {
                    "With this range the posting meets every law above that applies; the ad text below uses it."
                } else {
                    "This range fixes the width; the ad still misses something above that no range can fix."
                } }</p>
            </div>
        }
    });
    html! {
        <div class="pg-job-ad">
            <fieldset class="pg-ad-places">
                <legend>{ "Where the ad is open" }</legend>
                { checkbox(" Remote role, open to applicants in these places", props.remote, &props.on_remote) }
                if locations.len() < MAX_COMPARE + 1 {
                    <LocationPicker dataset={dataset.clone()} label="Also open to"
                        on_select={props.on_add.clone()} clear_on_select=true />
                }
                if locations.len() > 1 {
                    <ul class="pg-ad-also" aria-label="Also open to">{ for extra }</ul>
                }
            </fieldset>
            <label class="pg-label" for="pg-posted">{ "Posting date" }</label>
            <input id="pg-posted" class="pg-input pg-date" type="date" value={posted_text.clone()} onchange={onposted} />
            { h3("Pay-transparency laws") }
            <p class="pg-hint">
                if let Some(notice) = &dataset.manifest.job_ads.rules_notice { { notice.clone() }{ " " } }
                { format!("paygrade checks the ad, as posted on {}, against summaries of the laws; the check is not legal advice.",
                    if posted_text.is_empty() { "any date".to_string() } else { posted_text.clone() }) }
            </p>
            if check.no_rules() {
                <p class="pg-ad-verdict">{ format!(
                    "No pay-transparency law in paygrade's rules takes in {}, so there is nothing to check.",
                    check.places.iter().map(|p| p.name.as_str()).collect::<Vec<_>>().join(" or "))
                }</p>
            } else {
                <p class={classes!("pg-ad-verdict", verdict_class(overall))}>{
                    match (check.applying().next().is_some(), overall) {
                        (false, _) => "None of the laws below applies to this posting on its date for this company; they are listed so nothing is missed.",
                        (true, Verdict::Meets | Verdict::Note) => "The band as posted meets every law that applies.",
                        (true, Verdict::CannotTell) => "Some of what the laws ask cannot be checked by paygrade; see below.",
                        (true, Verdict::Breaks) => "The band as posted does not meet every law that applies; see below.",
                    }
                }</p>
                if !no_rule.is_empty() {
                    { para("pg-hint", format!("No law in paygrade's rules takes in {}.", no_rule.join(" or "))) }
                }
                <ul class="pg-rule-sets" aria-label="Laws that take in these places">
                    { for check.rule_sets.iter().map(|c| rule_set_card(c, max_age)) }
                </ul>
            }
            { for check.notices.iter().map(directive_notice) }
            { for offered }
            { h3("Pay range sentence") }
            <div class="pg-ad-text">
                { for paragraphs.iter().map(|p| para("pg-sentence", p.clone())) }
            </div>
            <button type="button" class="pg-button" onclick={copy("the sentence", text)}>{ "Copy sentence" }</button>
            { h3("JobPosting JSON-LD") }
            <pre class="pg-code" tabindex="0"><code>{ json.clone() }</code></pre>
            <button type="button" class="pg-button" onclick={copy("the JSON-LD", json)}>{ "Copy JSON-LD" }</button>
            <p class="pg-hint" role="status">{ copied.map(|what| format!("Copied {what}.")).unwrap_or_default() }</p>
        </div>
    }
}
