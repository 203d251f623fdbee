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
        grade: None,
        organisation: "Example Co.".into(),
    })
    .await;
    assert!(html.contains("Grade not stated"), "{html}");
    assert!(!html.contains("pg-role-description"), "{html}");
}

// ---- The role's page parts, from the handbook fixtures (tests/fixtures/handbook/).

use paygrade::model::Role;
use paygrade::parse::parse_role;
use paygrade::ui::components::hiring_timeline::HiringTimelineProps;
use paygrade::ui::components::role_details::RoleDetailsProps;
use paygrade::ui::components::{HiringTimeline, RoleDetails};

fn fixture(path: &str) -> Role {
    let full = format!(
        "{}/tests/fixtures/handbook/{path}",
        env!("CARGO_MANIFEST_DIR")
    );
    parse_role(path, &std::fs::read(full).unwrap()).unwrap().0
}

async fn timeline(role: Role) -> String {
    LocalServerRenderer::<HiringTimeline>::with_props(HiringTimelineProps { role })
        .hydratable(false)
        .render()
        .await
}

async fn details(role: Role, level: Option<usize>) -> String {
    LocalServerRenderer::<RoleDetails>::with_props(RoleDetailsProps { role, level })
        .hydratable(false)
        .render()
        .await
}

#[tokio::test(flavor = "current_thread")]
async fn timeline_shows_rounds_with_their_steps_counts_and_the_total() {
    let html = timeline(fixture("roles/engineering/backend-engineer.md")).await;
    assert!(
        html.contains("4 steps, 4 h 15 min of conversations in all."),
        "{html}"
    );
    // The team round: its own total, then its two steps numbered under it.
    assert!(html.contains(" · 2 h in all"), "{html}");
    assert!(
        html.contains("<ol class=\"pg-timeline pg-timeline-substeps\">"),
        "{html}"
    );
    assert!(
        html.contains(">3.1</span>") && html.contains(">3.2</span>"),
        "{html}"
    );
    assert!(html.contains(" · 2 × 30 min"), "{html}");
    assert!(html.contains(" · 1 h"), "{html}");
    assert!(html.contains("With two backend engineers"), "{html}");
}

#[tokio::test(flavor = "current_thread")]
async fn timeline_keeps_the_acceptance_pages_total() {
    let page = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/reference/job-family-vp-strategy-developer-relations.md"
    ))
    .unwrap();
    let role = parse_role("roles/vp.md", &page).unwrap().0;
    let html = timeline(role).await;
    assert!(
        html.contains("6 steps, 2 h 45 min of conversations in all."),
        "{html}"
    );
    assert!(!html.contains("pg-timeline-substeps"), "{html}");
}

#[tokio::test(flavor = "current_thread")]
async fn role_details_lists_every_level_when_none_is_chosen() {
    let html = details(fixture("roles/engineering/backend-engineer.md"), None).await;
    for label in [
        "Intermediate Backend Engineer · Grade 6",
        "Senior Backend Engineer · Grade 7",
        "Staff Backend Engineer · Grade 8",
    ] {
        assert!(
            html.contains(&format!("<h4>{label}</h4>")),
            "{label}: {html}"
        );
    }
    assert!(
        html.contains("id=\"pg-level-senior-backend-engineer\""),
        "{html}"
    );
    assert!(html.contains("<h4>Technical direction</h4>"), "{html}");
    // The page's common sections are there once.
    assert_eq!(html.matches("Ship reliable services").count(), 1, "{html}");
}

#[tokio::test(flavor = "current_thread")]
async fn role_details_shows_the_chosen_levels_own_sections_after_the_common_ones() {
    let html = details(fixture("roles/engineering/backend-engineer.md"), Some(1)).await;
    assert!(!html.contains("pg-role-levels"), "{html}");
    let common = html.find("Ship reliable services").unwrap();
    let own = html.find("Break large projects into milestones").unwrap();
    assert!(common < own, "{html}");
    assert!(
        html.contains("An experienced engineer who shapes"),
        "{html}"
    );
    assert!(html.contains("A record of leading a project"), "{html}");
    assert!(
        !html.contains("Write tests alongside every change"),
        "another level's: {html}"
    );
}

#[tokio::test(flavor = "current_thread")]
async fn role_details_renders_a_levels_table_as_a_table_of_text() {
    let html = details(fixture("roles/sales/account-executive"), None).await;
    assert!(html.contains("<table class=\"pg-table\">"), "{html}");
    assert!(html.contains("<th scope=\"col\">Level</th>"), "{html}");
    assert!(
        html.contains("<td><a href=\"/handbook/people/pay/grades/\" rel=\"noopener noreferrer\">Grade 6</a></td>"),
        "{html}"
    );
    assert!(html.contains("<td>Regional Sales Lead</td>"), "{html}");
}

#[tokio::test(flavor = "current_thread")]
async fn role_details_shows_nested_list_items_under_their_item() {
    let page = "---\ntitle: X\n---\n- outer\n  - inner\n";
    let role = parse_role("r.md", page.as_bytes()).unwrap().0;
    let nested = details(role, None).await;
    assert!(
        nested.contains("<li>outer<ul><li>inner</li></ul></li>"),
        "{nested}"
    );
}

#[tokio::test(flavor = "current_thread")]
async fn role_details_shows_nothing_of_comments_anchors_and_iframes() {
    let html = details(fixture("roles/security/analyst.html.md"), None).await;
    for hidden in ["iframe", "&lt;a name", "&lt;!--", "Reviewed every quarter"] {
        assert!(!html.contains(hidden), "{hidden}: {html}");
    }
    assert!(
        html.contains("Principal Security Analyst · Grade 8"),
        "{html}"
    );
}

use std::rc::Rc;

use paygrade::model::Dataset;
use paygrade::ui::components::level_picker::LevelPickerProps;
use paygrade::ui::components::role_directory::RoleDirectoryProps;
use paygrade::ui::components::{LevelPicker, RoleDirectory};
use paygrade::ui::state::Shared;

/// The shipped data, with its index of three job families.
fn shipped() -> Shared<Dataset> {
    Shared(Rc::new(paygrade::parse::shipped_dataset()))
}

async fn directory(search: &str) -> String {
    LocalServerRenderer::<RoleDirectory>::with_props(RoleDirectoryProps {
        dataset: shipped(),
        search: search.to_string().into(),
        href_prefix: "roles/".into(),
        href_suffix: "/".into(),
        on_search: None,
        on_open: None,
    })
    .hydratable(false)
    .render()
    .await
}

#[tokio::test(flavor = "current_thread")]
async fn directory_groups_roles_by_department_with_links_levels_and_grades() {
    let html = directory("").await;
    let engineering = html
        .find(">Engineering</h2>")
        .expect("an Engineering group");
    let sales = html.find(">Sales</h2>").expect("a Sales group");
    let other = html
        .find(">Other roles</h2>")
        .expect("the top-level roles last");
    assert!(engineering < sales && sales < other, "{html}");
    assert!(
        html.contains(r#"href="roles/engineering/backend-engineer/""#),
        "{html}"
    );
    assert!(
        html.contains("Senior Backend Engineer<span class=\"pg-grade-chip\">Grade 7</span>"),
        "{html}"
    );
    assert!(html.contains("3 job families."), "{html}");
    // With no handlers (a pre-rendered page) the search is a plain form field named q.
    assert!(html.contains(r#"name="q""#), "{html}");
}

#[tokio::test(flavor = "current_thread")]
async fn directory_filters_by_the_search_and_says_when_nothing_matches() {
    let html = directory("account").await;
    assert!(
        html.contains("1 of 3 job families match \"account\"."),
        "{html}"
    );
    assert!(!html.contains("Backend Engineer"), "{html}");
    let none = directory("zzz").await;
    assert!(none.contains("No job family matches."), "{none}");
    assert!(!none.contains("pg-department-title"), "{none}");
}

#[tokio::test(flavor = "current_thread")]
async fn level_picker_offers_each_level_with_its_grade_and_marks_the_chosen_one() {
    let html = LocalServerRenderer::<LevelPicker>::with_props(LevelPickerProps {
        levels: vec![
            ("Intermediate".to_string(), Some(6)),
            ("Senior".to_string(), Some(7)),
            ("Staff".to_string(), None),
        ],
        selected: 1,
        on_select: yew::Callback::noop(),
    })
    .hydratable(false)
    .render()
    .await;
    assert_eq!(html.matches(r#"type="radio""#).count(), 3, "{html}");
    assert!(
        html.contains("<legend class=\"pg-label\">Level</legend>"),
        "{html}"
    );
    assert!(
        html.contains("Staff<span class=\"pg-grade-chip\">no grade</span>"),
        "{html}"
    );
    let checked = html.find("checked").expect("one level checked");
    let intermediate = html.find(">Intermediate<").expect("the intermediate level");
    let senior = html.find(">Senior<").expect("the senior level");
    let staff = html.find(">Staff<").expect("the staff level");
    assert!(
        intermediate < checked && checked < senior && senior < staff,
        "the checked radio is Senior's: {html}"
    );
    assert_eq!(html.matches("checked").count(), 1, "{html}");
}

#[tokio::test(flavor = "current_thread")]
async fn level_picker_is_absent_for_a_single_level() {
    let html = LocalServerRenderer::<LevelPicker>::with_props(LevelPickerProps {
        levels: vec![("Only".to_string(), Some(6))],
        selected: 0,
        on_select: yew::Callback::noop(),
    })
    .hydratable(false)
    .render()
    .await;
    assert!(!html.contains("radio"), "{html}");
}

mod job_ad {
    use std::rc::Rc;

    use paygrade::band::{band_for, BandRequest, CurrencyChoice};
    use paygrade::model::{Dataset, Date};
    use paygrade::ui::components::job_ad::JobAdProps;
    use paygrade::ui::components::JobAd;
    use paygrade::ui::state::Shared;
    use yew::LocalServerRenderer;

    fn shipped() -> Dataset {
        paygrade::parse::shipped_dataset()
    }

    async fn render(grade: u8, location: &str, also: &[&str], remote: bool) -> String {
        let dataset = shipped();
        let today = Date::parse("2026-12-01");
        let band = band_for(
            &dataset,
            &BandRequest {
                grade,
                location_id: location,
                role_midpoint: None,
                currency: CurrencyChoice::Local,
                today,
            },
        )
        .unwrap();
        let place = dataset.location(location).unwrap().clone();
        let props = JobAdProps {
            band,
            title: "Senior Engineer".into(),
            organisation: "Example Co.".into(),
            locality: place.area.clone().into(),
            country: place.country.clone().into(),
            dataset: Shared(Rc::new(dataset)),
            location: location.to_string().into(),
            also: also.iter().map(|id| id.to_string()).collect(),
            remote,
            today,
            posted: None,
            on_posted: Default::default(),
            on_remote: Default::default(),
            on_add: Default::default(),
            on_remove: Default::default(),
        };
        LocalServerRenderer::<JobAd>::with_props(props)
            .hydratable(false)
            .render()
            .await
    }

    #[tokio::test(flavor = "current_thread")]
    async fn toronto_lists_ontario_says_the_band_is_too_wide_and_offers_a_range() {
        let html = render(7, "canada/toronto-ontario", &[], false).await;
        assert!(
            html.contains("data-rule=\"ca-ontario\" data-rule-status=\"applies\""),
            "{html}"
        );
        assert!(
            html.contains("The band as posted does not meet every law that applies"),
            "{html}"
        );
        assert!(
            html.contains("Does not meet: A range at most 50,000 CAD wide.</strong> The range is 64,400 CAD wide, more than the cap of 50,000 CAD."),
            "{html}"
        );
        assert!(html.contains("A compliant range inside the band"), "{html}");
        assert!(
            html.contains("data-min=\"136000\" data-max=\"186000\""),
            "{html}"
        );
        // The ad text uses the offered range, and carries the statements Ontario asks for.
        assert!(
            html.contains("The base salary for this role in Toronto, Ontario is CA$136,000 to CA$186,000 a year."),
            "{html}"
        );
        assert!(
            html.contains("We do not use artificial intelligence to screen, assess or select applicants for this role."),
            "{html}"
        );
        assert!(html.contains("the check is not legal advice"), "{html}");
    }

    #[tokio::test(flavor = "current_thread")]
    async fn london_says_no_law_takes_it_in() {
        let html = render(12, "united-kingdom/london-england", &[], false).await;
        assert!(
            html.contains("No pay-transparency law in paygrade&#x27;s rules takes in London, England (United Kingdom), so there is nothing to check.")
                || html.contains("No pay-transparency law in paygrade's rules takes in London, England (United Kingdom), so there is nothing to check."),
            "{html}"
        );
        assert!(!html.contains("pg-rule-set"), "{html}");
        assert!(html.contains("<p class=\"pg-sentence\">The base salary for this role in London, England is £196,600 to £294,900 a year.</p>"), "{html}");
    }

    #[tokio::test(flavor = "current_thread")]
    async fn a_remote_posting_open_to_new_york_and_toronto_checks_every_law_that_reaches_them() {
        let html = render(
            12,
            "united-states/new-york-new-york",
            &["canada/toronto-ontario"],
            true,
        )
        .await;
        for rule in ["us-ny-new-york-city", "us-new-york", "ca-ontario"] {
            assert!(
                html.contains(&format!("data-rule=\"{rule}\"")),
                "{rule}: {html}"
            );
        }
        assert!(
            html.contains("This is a remote role, open to applicants in New York, New York and Toronto, Ontario."),
            "{html}"
        );
        assert!(
            html.contains("\"jobLocationType\": \"TELECOMMUTE\""),
            "{html}"
        );
        assert!(
            html.contains("aria-label=\"Remove Toronto, Ontario (Canada) from the job ad\""),
            "{html}"
        );
    }

    #[tokio::test(flavor = "current_thread")]
    async fn berlin_shows_the_directive_as_context_that_asks_nothing() {
        let html = render(7, "germany/berlin", &[], false).await;
        assert!(html.contains("data-directive=\"Germany\""), "{html}");
        assert!(
            html.contains("It binds member states, not employers"),
            "{html}"
        );
        assert!(!html.contains("pg-rule-set"), "{html}");
    }
}

mod rewards {
    use paygrade::band::CurrencyChoice;
    use paygrade::model::MovePolicy;
    use paygrade::ui::components::move_pay::MovePayProps;
    use paygrade::ui::components::total_rewards::TotalRewardsProps;
    use paygrade::ui::components::{MovePay, TotalRewardsBlock};
    use paygrade::ui::state::Shared;
    use paygrade::view::{move_pay, total_rewards};
    use std::rc::Rc;
    use yew::LocalServerRenderer;

    fn band(data: &paygrade::model::Dataset, grade: u8, location: &str) -> paygrade::band::Band {
        paygrade::view::role_band(
            data,
            None,
            grade,
            location,
            &CurrencyChoice::Local,
            None,
            paygrade::view::Detail::Figures,
        )
        .unwrap()
    }

    #[tokio::test(flavor = "current_thread")]
    async fn the_total_rewards_block_carries_every_figure_and_the_payments() {
        let data = paygrade::parse::shipped_dataset();
        let lisbon = data.location("portugal/lisbon").unwrap().clone();
        let band = band(&data, 7, "portugal/lisbon");
        let rewards = total_rewards(&data, &band, &lisbon, 1.0, None);
        let html = LocalServerRenderer::<TotalRewardsBlock>::with_props(TotalRewardsProps {
            rewards: rewards.clone(),
            valuation: 1.0,
            on_valuation: Default::default(),
        })
        .hydratable(false)
        .render()
        .await;
        assert!(
            html.contains(&format!("data-base=\"{}\"", band.mid)),
            "{html}"
        );
        assert!(html.contains("data-equity=\"23220\""), "{html}");
        assert!(
            html.contains(&format!("data-total=\"{}\"", rewards.total)),
            "{html}"
        );
        assert!(html.contains("data-payments=\"14\""), "{html}");
        assert!(
            html.contains("How the equity a year is worked out"),
            "{html}"
        );
        // The stated valuation is the checked one.
        assert!(html.contains("checked"), "{html}");
    }

    #[tokio::test(flavor = "current_thread")]
    async fn a_move_shows_its_result_and_steps() {
        let data = paygrade::parse::shipped_dataset();
        let from = band(&data, 6, "united-states/san-francisco-california");
        let to = band(&data, 6, "germany/berlin");
        let result = move_pay(&data, &from, &to, 180_000.0, MovePolicy::NeverLower);
        let html = LocalServerRenderer::<MovePay>::with_props(MovePayProps {
            dataset: Shared(Rc::new(data)),
            from: Some("united-states/san-francisco-california".into()),
            from_currency: Some("USD".into()),
            salary: "180000".into(),
            to_name: "Berlin (Germany)".into(),
            result,
            policy: "never lower".into(),
            on_from: Default::default(),
            on_salary: Default::default(),
        })
        .hydratable(false)
        .render()
        .await;
        assert!(
            html.contains("data-move-result=\"\" data-amount=\"154800\" data-currency=\"EUR\""),
            "{html}"
        );
        assert!(html.contains("Never lower"), "{html}");
    }
}

/// The every-location table as server-rendered for `grade` over `dataset`.
async fn location_table(dataset: &Shared<paygrade::model::Dataset>, grade: u8) -> String {
    use paygrade::ui::components::location_table::LocationTableProps;
    use paygrade::ui::components::LocationTable;
    LocalServerRenderer::<LocationTable>::with_props(LocationTableProps {
        dataset: dataset.clone(),
        role: None,
        grade,
        currency: paygrade::band::CurrencyChoice::Local,
        today: None,
        posted: None,
        sort: paygrade::table::Sort::default(),
        filter: "".into(),
        hiring_only: false,
        page: 0,
        on_sort: yew::Callback::noop(),
        on_filter: yew::Callback::noop(),
        on_hiring_only: yew::Callback::noop(),
        on_page: yew::Callback::noop(),
    })
    .hydratable(false)
    .render()
    .await
}

/// Tables share the last rows made for the same view (the pre-renderer draws a grade's table on many pages):
/// going to another grade and back, or to another dataset with the same view, gives what a fresh table gives.
#[tokio::test(flavor = "current_thread")]
async fn the_location_tables_shared_rows_follow_the_grade_and_the_data() {
    let shipped = Shared(Rc::new(paygrade::parse::shipped_dataset()));
    let first_12 = location_table(&shipped, 12).await;
    let first_7 = location_table(&shipped, 7).await;
    assert_ne!(first_12, first_7);
    assert_eq!(location_table(&shipped, 12).await, first_12);
    assert_eq!(location_table(&shipped, 7).await, first_7);

    // Another dataset for the same grade: its own rows, never the last dataset's.
    let mut other = paygrade::parse::shipped_dataset();
    for location in &mut other.locations {
        location.factor *= 2.0;
    }
    let other = Shared(Rc::new(other));
    let doubled = location_table(&other, 7).await;
    assert_ne!(doubled, first_7);
    drop(other);
    assert_eq!(location_table(&shipped, 7).await, first_7);
}
