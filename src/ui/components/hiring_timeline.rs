//! The hiring process as a timeline: each step's kind, length and whom the candidate meets, and the total.

use yew::prelude::*;

use crate::model::{Role, StepKind};
use crate::ui::components::rich_text::{inline_html, RichText};

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

#[function_component]
pub fn HiringTimeline(props: &HiringTimelineProps) -> Html {
    let role = &props.role;
    if role.hiring_steps.is_empty() {
        return html! { <p class="pg-empty">{ "This page does not describe a hiring process." }</p> };
    }
    let steps = role.hiring_steps.iter().enumerate().map(|(index, step)| {
        let kind = kind_name(step.kind);
        html! {
            <li class={classes!("pg-timeline-step", format!("pg-kind-{}", kind.to_ascii_lowercase()))}>
                <span class="pg-timeline-dot" aria-hidden="true">{ index + 1 }</span>
                <div class="pg-timeline-body">
                    <p class="pg-timeline-head">
                        <strong>{ kind }</strong>
                        if let Some(minutes) = step.minutes { <span class="pg-timeline-minutes">{ format!(" · {minutes} min") }</span> }
                    </p>
                    if let Some(with) = &step.with { <p class="pg-timeline-with">{ format!("With {with}") }</p> }
                    <p class="pg-timeline-text">{ inline_html(&step.text) }</p>
                </div>
            </li>
        }
    });
    let total = role.hiring_minutes();
    html! {
        <div class="pg-hiring">
            <RichText blocks={role.hiring_intro.clone()} heading_base={4} />
            <p class="pg-hiring-total">
                { format!("{} steps, {} of conversations in all.", role.hiring_steps.len(), duration(total)) }
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
