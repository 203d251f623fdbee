//! Bring your own data: open a folder or drop files from disk. They are read here and never uploaded.

use yew::prelude::*;

use crate::ui::browser::read_files;
use crate::ui::load::{DataSource, LocalFiles};
use crate::ui::markup::para;

#[derive(Properties, PartialEq)]
pub struct OwnDataProps {
    pub source: DataSource,
    pub organisation: AttrValue,
    pub on_files: Callback<LocalFiles>,
    pub on_forget: Callback<()>,
}

/// "Showing your files: …": whose data is on screen, in a sentence.
pub fn whose_data(source: &DataSource, organisation: &str) -> String {
    match source {
        DataSource::Published => format!("Showing the data {organisation} publishes."),
        DataSource::Local(report) if report.whole_folder => {
            "Showing your own data folder, read from your disk; nothing was uploaded.".to_string()
        }
        DataSource::Local(report) => {
            let mut parts = Vec::new();
            if !report.replaced.is_empty() {
                parts.push(format!(
                    "your {} in place of {organisation}'s",
                    report.replaced.join(", ")
                ));
            }
            if !report.added.is_empty() {
                parts.push(format!("your role pages {}", report.added.join(", ")));
            }
            if parts.is_empty() {
                parts.push(format!(
                    "{organisation}'s data (none of your files matched a table or role)"
                ));
            }
            let mut text = format!(
                "Showing {}, read from your disk; nothing was uploaded. The rest is {organisation}'s.",
                parts.join(" and ")
            );
            if !report.ignored.is_empty() {
                text.push_str(&format!(" Not used: {}.", report.ignored.join(", ")));
            }
            text
        }
    }
}

#[function_component]
pub fn OwnData(props: &OwnDataProps) -> Html {
    let reading = use_state(|| false);
    let take = {
        let (on_files, reading) = (props.on_files.clone(), reading.clone());
        // The files are copied out of the browser's live list while the event is handled, so emptying the
        // picker (which lets the same files be picked again) cannot empty what is being read.
        move |list: Option<web_sys::FileList>, input: Option<web_sys::HtmlInputElement>| {
            let files: Vec<web_sys::File> = list
                .map(|list| (0..list.length()).filter_map(|i| list.item(i)).collect())
                .unwrap_or_default();
            if let Some(input) = input {
                input.set_value("");
            }
            if files.is_empty() {
                return;
            }
            let (on_files, reading) = (on_files.clone(), reading.clone());
            reading.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let files = read_files(files).await;
                reading.set(false);
                on_files.emit(files);
            });
        }
    };
    let onchange = {
        let take = take.clone();
        Callback::from(move |event: Event| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            take(input.files(), Some(input));
        })
    };
    let ondragover = Callback::from(|event: DragEvent| event.prevent_default());
    let ondrop = Callback::from(move |event: DragEvent| {
        event.prevent_default();
        take(event.data_transfer().and_then(|t| t.files()), None);
    });
    let on_forget = props.on_forget.clone();
    let local = matches!(props.source, DataSource::Local(_));
    html! {
        <div class="pg-own-data">
            <p class={classes!("pg-source", local.then_some("pg-source-local"))} role="status">
                { whose_data(&props.source, &props.organisation) }
            </p>
            <div class="pg-drop" {ondragover} {ondrop}>
                <p>{ "Drop your paygrade.json with its tables and role pages here, or a single locations.csv or grades.csv to use instead of the published one." }</p>
                <div class="pg-file-buttons">
                    <label class="pg-button">
                        { "Open a folder…" }
                        <input class="pg-visually-hidden" type="file" webkitdirectory=true multiple=true onchange={onchange.clone()} />
                    </label>
                    <label class="pg-button">
                        { "Open files…" }
                        <input class="pg-visually-hidden" type="file" multiple=true accept=".json,.csv,.md" {onchange} />
                    </label>
                    if local {
                        <button type="button" class="pg-button" onclick={move |_| on_forget.emit(())}>{ "Forget my files" }</button>
                    }
                </div>
                if *reading { { para("pg-hint", "Reading your files…") } }
            </div>
            { para("pg-hint", "Your files are read by this page in your browser and kept in this browser's storage until you forget them. They are never uploaded.") }
        </div>
    }
}
