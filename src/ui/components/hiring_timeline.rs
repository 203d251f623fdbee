//! The hiring process as a timeline: each step's kind, length and whom the candidate meets, and the total.

use yew::prelude::*;

use crate::model::{HiringStep, Role, StepKind};
use crate::ui::components::rich_text::{inline_html, RichText};
use crate::ui::markup::para;

/// The role whose hiring steps are shown.
#[derive(Properties, PartialEq)]
pub struct HiringTimelineProps {
    pub role: Role,
}

fn kind_name(kind: StepKind) -> &'static str {
    match kind {
        StepKind::Screening => "Screening",
        StepKind::Interview => "Interview",
        StepKind::Offer => "Offer",
        StepKind::Other => "Step",
    }
}

/// "2 h 45 min", "30 min": how long the interviews take in all.
pub fn duration(minutes: u32) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

/// "2 × 60 min", "45 min", "2 interviews": one step's count and length as the timeline shows it.
pub fn step_length(step: &HiringStep) -> Option<String> {
    match (step.count, step.minutes) {
        (count, Some(minutes)) if count > 1 => Some(format!("{count} × {}", duration(minutes))),
        (_, Some(minutes)) => Some(duration(minutes)),
        (count, None) if count > 1 => Some(format!("{count} times")),
        (_, None) => None,
    }
}

/// One step, and under it (a round's interviews) its own numbered steps.
fn step_html(position: String, step: &HiringStep) -> Html {
    let kind = kind_name(step.kind);
    let length = step_length(step);
    let round_total = (!step.substeps.is_empty() && step.total_minutes() > 0)
        .then(|| duration(step.total_minutes()));
    let substeps = step
        .substeps
        .iter()
        .enumerate()
        .map(|(index, substep)| step_html(format!("{position}.{}", index + 1), substep));
    html! {
        <li class={classes!("pg-timeline-step", format!("pg-kind-{}", kind.to_ascii_lowercase()))}>
            <span class="pg-timeline-dot" aria-hidden="true">{ position.clone() }</span>
            <div class="pg-timeline-body">
                <p class="pg-timeline-head">
                    <strong>{ kind }</strong>
                    if let Some(length) = length { <span class="pg-timeline-minutes">{ format!(" · {length}") }</span> }
                    if let Some(total) = round_total { <span class="pg-timeline-round-total">{ format!(" · {total} in all") }</span> }
                </p>
                if let Some(with) = &step.with { <p class="pg-timeline-with">{ format!("With {with}") }</p> }
                <p class="pg-timeline-text">{ inline_html(&step.text) }</p>
                if !step.substeps.is_empty() {
                    <ol class="pg-timeline pg-timeline-substeps">{ for substeps }</ol>
                }
            </div>
        </li>
    }
}

/// The hiring process: rounds with their steps under them, each step's count × length, the total.
#[function_component]
pub fn HiringTimeline(props: &HiringTimelineProps) -> Html {
    let role = &props.role;
    if role.hiring_steps.is_empty() {
        return para("pg-empty", "This page does not describe a hiring process.");
    }
    let steps = role
        .hiring_steps
        .iter()
        .enumerate()
        .map(|(index, step)| step_html((index + 1).to_string(), step));
    let total = role.hiring_minutes();
    let count = role.hiring_steps.len();
    let noun = if count == 1 { "step" } else { "steps" };
    html! {
        <div class="pg-hiring">
            <RichText blocks={role.hiring_intro.clone()} heading_base={4} />
            <p class="pg-hiring-total">
                { format!("{count} {noun}, {} of conversations in all.", duration(total)) }
            </p>
            <ol class="pg-timeline">{ for steps }</ol>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::duration;

    #[test]
    fn durations_read_in_hours_and_minutes() {
        assert_eq!(duration(30), "30 min");
        assert_eq!(duration(120), "2 h");
        assert_eq!(duration(165), "2 h 45 min");
    }
}
