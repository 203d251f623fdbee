//! The band ready for a job ad: a pay-range sentence and a schema.org JSON-LD snippet, each with a copy button.

use yew::prelude::*;

use crate::band::Band;
use crate::export::job_posting_json_ld;
use crate::ui::browser::copy_text;
use crate::ui::format::money;

#[derive(Properties, PartialEq)]
pub struct JobAdProps {
    pub band: Band,
    pub title: AttrValue,
    pub organisation: AttrValue,
    /// Where the job is: the area and the country, as the ad states them.
    pub locality: AttrValue,
    pub country: AttrValue,
}

/// "The base salary for this role in London, England is £196,600 to £294,900 a year."
pub fn pay_range_sentence(band: &Band, locality: &str) -> String {
    format!(
        "The base salary for this role in {locality} is {} to {} a year.",
        money(band.min, &band.currency),
        money(band.max, &band.currency)
    )
}

#[function_component]
pub fn JobAd(props: &JobAdProps) -> Html {
    let copied = use_state(|| None::<&'static str>);
    let sentence = pay_range_sentence(&props.band, &props.locality);
    let json = job_posting_json_ld(
        &props.band,
        &props.title,
        &props.organisation,
        &props.locality,
        &props.country,
    );
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
    html! {
        <div class="pg-job-ad">
            <h3>{ "Pay range sentence" }</h3>
            <p class="pg-sentence">{ sentence.clone() }</p>
            <button type="button" class="pg-button" onclick={copy("the sentence", sentence)}>{ "Copy sentence" }</button>
            <h3>{ "JobPosting JSON-LD" }</h3>
            <pre class="pg-code" tabindex="0"><code>{ json.clone() }</code></pre>
            <button type="button" class="pg-button" onclick={copy("the JSON-LD", json)}>{ "Copy JSON-LD" }</button>
            <p class="pg-hint" role="status">{ copied.map(|what| format!("Copied {what}.")).unwrap_or_default() }</p>
        </div>
    }
}
