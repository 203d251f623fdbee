//! Components rendered to HTML natively with Yew's server renderer: no browser, real markup.
#![cfg(not(target_arch = "wasm32"))]

use paygrade::ui::components::role_summary::RoleSummaryProps;
use paygrade::ui::components::RoleSummary;
use yew::LocalServerRenderer;

async fn render(props: RoleSummaryProps) -> String {
    LocalServerRenderer::<RoleSummary>::with_props(props)
        .hydratable(false)
        .render()
        .await
}

#[tokio::test(flavor = "current_thread")]
async fn role_summary_shows_title_grade_and_organisation() {
    let html = render(RoleSummaryProps {
        title: "VP of Strategy & Developer Relations".into(),
        description: "Leads strategy.".into(),
        grade: Some(12),
        organisation: "Example Co.".into(),
    })
    .await;
    assert!(
        html.contains("<h1 class=\"pg-role-title\">VP of Strategy &amp; Developer Relations</h1>"),
        "{html}"
    );
    assert!(html.contains(">Grade 12</span>"), "{html}");
    assert!(html.contains("Example Co."), "{html}");
}

#[tokio::test(flavor = "current_thread")]
async fn role_summary_says_so_when_the_grade_is_missing() {
    let html = render(RoleSummaryProps {
        title: "Unnamed".into(),
        description: "".into(),
        grade: None,
        organisation: "Example Co.".into(),
    })
    .await;
    assert!(html.contains("Grade not stated"), "{html}");
    assert!(!html.contains("pg-role-description"), "{html}");
}
