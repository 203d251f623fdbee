//! The explorer's page for a given state: role, band, offer, compare, hiring and grades. Pure view: it asks the
//! core for bands and lays them out; tests render it without a browser.

use yew::prelude::*;

use crate::band::Band;
use crate::band::CurrencyChoice;
use crate::model::MovePolicy;
use crate::model::{Dataset, IndexEntry, Location};
use crate::ui::actions::Actions;
use crate::ui::components::own_data::whose_data;
use crate::ui::components::*;
use crate::ui::format::{exact, money};
use crate::ui::load::{DataSource, LocalFiles};
use crate::ui::markup::{link_out, para};
use crate::ui::state::{Phase, Shared, State};
use crate::view::{
    contract, move_pay, next_grade, overlaps, promotion, report_link, role_band, total_rewards,
    ways_to_hire, Detail, RoleView, TotalRewards,
};

/// What the page does with the reader's own files; only the standalone page has it.
pub struct OwnDataCallbacks {
    pub on_files: Callback<LocalFiles>,
    pub on_forget: Callback<()>,
}

/// Where a pre-rendered page's links go: the site's static pages, so they work without script. The live
/// page links to views of itself (`?role=…`) instead.
#[derive(Clone, Debug, PartialEq)]
pub struct SiteLinks {
    /// The site root, relative to the page (`./`, `../../`).
    pub home: String,
    /// A role's page is `role_prefix` + its id + `/`.
    pub role_prefix: String,
}

/// The page for `state`; `notice` is shown above everything (e.g. a refused data folder).
pub fn explorer(
    state: &State,
    actions: &Actions,
    notice: Option<&str>,
    own_data: Option<OwnDataCallbacks>,
) -> Html {
    explorer_linked(state, actions, notice, own_data, None)
}

/// [`explorer`] with its directory and back links pointing at the pre-rendered site's pages.
pub fn explorer_linked(
    state: &State,
    actions: &Actions,
    notice: Option<&str>,
    own_data: Option<OwnDataCallbacks>,
    links: Option<&SiteLinks>,
) -> Html {
    let body = match state.phase {
        Phase::Loading => status("Loading pay data…"),
        Phase::Failed => html! { <DataProblems problems={state.problems.clone()} fatal=true /> },
        Phase::Ready if state.shows_directory() => directory_page(state, actions, links),
        Phase::Ready => ready(state, actions, links),
    };
    let organisation = state.dataset.as_ref().map_or_else(
        || "the site".to_string(),
        |d| d.manifest.organisation.clone(),
    );
    // Whose data is showing is said at the top whenever it is the reader's own, not only in its section.
    let local_banner = matches!(state.source, DataSource::Local(_)).then(|| {
        html! {
            <p class="pg-source pg-source-local">
                { whose_data(&state.source, &organisation) }
                { " " }<a href="#pg-own-data">{ "Change or forget" }</a>
            </p>
        }
    });
    let own_data = own_data.filter(|_| state.phase != Phase::Loading).map(|callbacks| {
        section("pg-own-data", "pg-own-data-title", "Your own data", html! {
            <OwnData source={state.source.clone()} {organisation} on_files={callbacks.on_files}
                on_forget={callbacks.on_forget} />
        })
    });
    html! {
        <div class="pg-app">
            if let Some(notice) = notice { <p class="pg-notice" role="status">{ notice.to_string() }</p> }
            <Notices notices={state.notices.clone()} on_dismiss={actions.dismiss_notices.clone()} />
            { local_banner.unwrap_or_default() }
            { body }
            { own_data.unwrap_or_default() }
        </div>
    }
}

/// The role directory, with each role's link keeping the rest of the view (data folder, location …).
fn directory_page(state: &State, actions: &Actions, links: Option<&SiteLinks>) -> Html {
    let Some(dataset) = state.dataset.clone() else {
        return html! {};
    };
    let mut rest = state.to_query();
    rest.role = None;
    rest.level = None;
    rest.search = None;
    let (prefix, suffix) = match links {
        Some(links) => (links.role_prefix.clone(), "/".to_string()),
        None => ("?role=".to_string(), rest.to_query().replacen('?', "&", 1)),
    };
    html! {
        <>
            if let Some(notice) = &dataset.manifest.notice { <p class="pg-data-notice">{ notice.clone() }</p> }
            <RoleDirectory dataset={dataset.clone()} search={state.selection.search.clone()}
                href_prefix={prefix} href_suffix={suffix}
                on_search={Some(actions.set_search.clone())}
                on_open={Some(actions.open_role.clone())} />
            <DataProblems problems={state.problems.clone()} />
        </>
    }
}

fn ready(state: &State, actions: &Actions, links: Option<&SiteLinks>) -> Html {
    let Some(dataset) = state.dataset.clone() else {
        return html! {};
    };
    let role = state.current_role();
    let entry = state.current_entry();
    let (Some(grade), Some(location)) = (state.current_grade(), state.current_location()) else {
        return html! {
            <>
                { empty("This data has no grades or no locations, so there is no band to show.") }
                <DataProblems problems={state.problems.clone()} />
            </>
        };
    };
    let level = state.current_level();
    let Some(view) = state.role_view(Detail::Explained) else {
        return html! {};
    };
    let band = view.band.clone().map_err(|e| e.to_string());
    // The whole offer, worked out once per render for the total-rewards block and the offer check.
    let rewards = view.band.as_ref().ok().map(|band| {
        total_rewards(
            &dataset,
            band,
            location,
            state.selection.valuation,
            view.contract,
        )
    });
    let place = location.name();

    // On a phone the band comes right after the title: the description and the level picker follow it.
    let header = match entry {
        Some(entry) => html! {
            <RoleSummary title={entry.title.clone()}
                grade={level.and_then(|(_, level)| level.grade)} organisation={dataset.manifest.organisation.clone()} />
        },
        None => empty("This data folder lists no roles; the bands below are by grade."),
    };
    let after_pay = entry.map(|entry| html! {
        <>
            if !entry.description.is_empty() {
                <p class="pg-role-description">{ entry.description.clone() }</p>
            }
            <LevelPicker levels={entry.levels.iter().map(|l| (l.title.clone(), l.grade)).collect::<Vec<_>>()}
                selected={level.map_or(0, |(position, _)| position)} on_select={actions.select_level.clone()} />
        </>
    });
    let job_title = view.job_title.clone();
    let back = (state.offers_directory() && dataset.index.roles.len() > 1).then(|| {
        let onclick = actions.select_role.reform(|event: MouseEvent| {
            event.prevent_default();
            None
        });
        let mut rest = state.to_query();
        rest.role = None;
        rest.level = None;
        let href = match (links, rest.to_query()) {
            (Some(links), _) => links.home.clone(),
            (None, query) if query.is_empty() => "?".to_string(),
            (None, query) => query,
        };
        html! { <a class="pg-back" {href} {onclick}>{ "← All job families" }</a> }
    });
    let role_loading = state
        .page_loading()
        .then(|| status("Loading the role's page…"));
    // The data's problems as they are (compared by identity in props), joined by the role page's own only
    // when it has some.
    let page_problems = state.page_problems();
    let problems = if page_problems.is_empty() {
        state.problems.clone()
    } else {
        std::rc::Rc::new(
            state
                .problems
                .iter()
                .cloned()
                .chain(page_problems)
                .collect(),
        )
    };

    html! {
        <>
            { back.unwrap_or_default() }
            { header }
            { pay_section(state, actions, &dataset, location, grade, &band, &place, &view) }
            { after_pay.unwrap_or_default() }
            if let Some(notice) = &dataset.manifest.notice { <p class="pg-data-notice">{ notice.clone() }</p> }
            <nav class="pg-nav" aria-label="Sections">
                { for NAV.iter().filter(|(_, _, role_only)| entry.is_some() || !role_only).map(|&(href, label, _)| {
                    html! { <a {href}>{ label }</a> }
                }) }
            </nav>
            { rewards_section(actions, rewards.as_ref(), state.selection.valuation) }
            { offer_section(state, actions, &dataset, location, entry, grade, &view, rewards.as_ref()) }
            { move_section(state, actions, &dataset, location, entry, grade) }
            { section("pg-compare", "pg-compare-title", format!("Compare locations for grade {grade}"), html! {
                <Compare dataset={dataset.clone()} columns={compare_columns(state, &dataset, entry, grade)}
                    on_add={actions.add_compare.clone()} on_remove={actions.remove_compare.clone()} />
            }) }
            { locations_section(state, actions, &dataset, grade) }
            { section("pg-job-ad", "pg-job-ad-title", "For a job ad", match &band {
                    Ok(band) => html! { <JobAd band={band.clone()}
                        title={job_title}
                        organisation={dataset.manifest.organisation.clone()}
                        locality={location.locality().to_string()} country={location.country.clone()}
                        dataset={dataset.clone()} location={location.id.clone()}
                        also={state.selection.ad_places.clone()} remote={state.selection.remote}
                        today={state.today} posted={state.selection.posted} on_posted={actions.set_posted.clone()}
                        on_remote={actions.set_remote.clone()}
                        on_add={actions.add_ad_place.clone()} on_remove={actions.remove_ad_place.clone()} /> },
                    Err(_) => empty("There is no band to advertise here."),
                }) }
            { role_loading.unwrap_or_default() }
            if let Some(role) = role {
                { section("pg-role", "pg-role-title", "The role", html! {
                    <RoleDetails role={role.clone()} level={level.map(|(position, _)| position)} />
                }) }
                { section("pg-hiring", "pg-hiring-title", "Hiring process", html! { <HiringTimeline role={role.clone()} /> }) }
            }
            { section("pg-grades", "pg-grades-title", "Grades", html! {
                <GradeLadder rows={ladder_rows(state, &dataset, entry, &location.id)} highlight={Some(grade)}
                    place={place.clone()} on_select={actions.select_grade.clone()} />
            }) }
            <DataProblems {problems} />
            <footer class="pg-footer">
                { format!("{} data as of {}. Reference market: {} ({}).", dataset.manifest.organisation,
                    dataset.manifest.as_of, dataset.manifest.reference.market, dataset.manifest.reference.currency) }
                if let (Some(_), Some(built)) = (links, state.today) {
                    { format!(" This page was built on {built}: exchange rates and pay-transparency laws are checked as of that day until the page's script takes over with your own date.") }
                }
            </footer>
        </>
    }
}

#[allow(clippy::too_many_arguments)]
fn pay_section(
    state: &State,
    actions: &Actions,
    dataset: &Shared<Dataset>,
    location: &Location,
    grade: u8,
    band: &Result<Band, String>,
    place: &str,
    view: &RoleView,
) -> Html {
    let reference = dataset.manifest.reference.currency.clone();
    let local = location
        .currency
        .clone()
        .unwrap_or_else(|| reference.clone());
    let max_age = dataset.manifest.policy.rate_max_age_days;
    let body = match band {
        Ok(band) => html! {
            <>
                <BandFigures band={band.clone()} place={place.to_string()} />
                <p class={classes!("pg-rate", band.rate_stale.then_some("pg-warning"))}>
                    { format!("Exchange rate as of {}.", band.rate_as_of) }
                    if band.rate_stale {
                        { format!(" This rate is older than {max_age} days: converted figures may be out of date.") }
                    }
                </p>
                <CompaBar band={band.clone()} marker={state.offer_amount()} />
                if let Some(link) = report_link(dataset, location, Some(grade)) {
                    <p class="pg-report">{ link_out(link, "Report this figure") }
                        { " (opens the data's issue tracker, pre-filled; paygrade sends nothing)" }</p>
                }
                <Formula steps={band.breakdown.clone()} />
            </>
        },
        Err(why) => {
            html! { <p class="pg-warning" role="status">{ format!("No band for this place: {why}") }</p> }
        }
    };
    let title = contract::fill(
        contract::PAY_TITLE,
        &[("grade", &grade.to_string()), ("place", place)],
    );
    section(
        "pg-pay",
        contract::PAY_TITLE_ID,
        title,
        html! {
            <>
                <div class="pg-controls">
                    <LocationPicker dataset={dataset.clone()} label="Location" selected={Some(AttrValue::from(location.id.clone()))}
                        on_select={actions.select_location.clone()} />
                    <CurrencyToggle selected={state.selection.currency.clone()} local={local} reference={reference}
                        on_change={actions.set_currency.clone()} />
                    { hire_choice(dataset, location, view, actions) }
                </div>
                { body }
            </>
        },
    )
}

fn locations_section(
    state: &State,
    actions: &Actions,
    dataset: &Shared<Dataset>,
    grade: u8,
) -> Html {
    let s = &state.selection;
    section(
        "pg-locations",
        "pg-locations-title",
        format!("Grade {grade} at every location"),
        html! {
                <LocationTable dataset={dataset.clone()} role={state.current_entry().map(|entry| AttrValue::from(entry.id.clone()))} {grade} currency={s.currency.clone()} today={state.today}
                    posted={s.posted.or(state.today)}
                    sort={s.sort} filter={s.filter.clone()} hiring_only={s.hiring_only} page={s.page}
                    on_sort={actions.set_sort.clone()} on_filter={actions.set_filter.clone()}
                    on_hiring_only={actions.set_hiring_only.clone()} on_page={actions.set_page.clone()} />
        },
    )
}

fn compare_columns(
    state: &State,
    dataset: &Dataset,
    entry: Option<&IndexEntry>,
    grade: u8,
) -> Vec<CompareColumn> {
    state
        .selection
        .compare
        .iter()
        .filter_map(|id| dataset.location(id))
        .map(|location| {
            let band = figures_at(state, dataset, entry, grade, &location.id);
            // Totals compare offers where the data has the rest of them (equity, benefits).
            let total = band.as_ref().ok().map(|band| {
                total_rewards(dataset, band, location, state.selection.valuation, None).total
            });
            CompareColumn {
                id: location.id.clone(),
                name: location.name(),
                band,
                total,
            }
        })
        .collect()
}

fn ladder_rows(
    state: &State,
    dataset: &Dataset,
    entry: Option<&IndexEntry>,
    location: &str,
) -> Vec<LadderRow> {
    let mut rows: Vec<LadderRow> = dataset
        .grades
        .iter()
        .map(|grade| LadderRow {
            grade: grade.grade,
            manager_titles: grade.manager_titles.clone(),
            ic_titles: grade.ic_titles.clone(),
            band: figures_at(state, dataset, entry, grade.grade, location).ok(),
            overlap: None,
        })
        .collect();
    let bands: Vec<Band> = rows.iter().filter_map(|row| row.band.clone()).collect();
    for overlap in overlaps(&bands) {
        if let Some(row) = rows.iter_mut().find(|row| row.grade == overlap.lower) {
            row.overlap = Some(overlap);
        }
    }
    rows
}

/// A band's figures (no formula) for the role on screen, in the view's currency.
fn figures_at(
    state: &State,
    dataset: &Dataset,
    entry: Option<&IndexEntry>,
    grade: u8,
    location: &str,
) -> Result<Band, String> {
    role_band(
        dataset,
        entry,
        grade,
        location,
        &state.selection.currency,
        state.today,
        Detail::Figures,
    )
    .map_err(|e| e.to_string())
}

/// The ways to hire the data offers here, when there is more than one: the choice changes the band.
fn hire_choice(dataset: &Dataset, location: &Location, view: &RoleView, actions: &Actions) -> Html {
    let ways = ways_to_hire(dataset, location);
    if ways.len() < 2 {
        return html! {};
    }
    let chosen = view.contract.or_else(|| ways.first().map(|way| way.way));
    let onchange = actions.set_contract.reform(|event: Event| {
        let select: web_sys::HtmlSelectElement = event.target_unchecked_into();
        select.value()
    });
    html! {
        <label class="pg-label pg-hire">
            { "Way to hire " }
            <select class="pg-input" {onchange}>
                { for ways.iter().map(|way| html! {
                    <option value={way.way.word()} selected={Some(way.way) == chosen}>{ way.way.label() }</option>
                }) }
            </select>
        </label>
    }
}

/// The whole offer at the band's midpoint: base, variable, equity, benefits, payments.
fn rewards_section(actions: &Actions, rewards: Option<&TotalRewards>, valuation: f64) -> Html {
    let body = match rewards {
        Some(rewards) => html! {
            <TotalRewardsBlock rewards={rewards.clone()} {valuation} on_valuation={actions.set_valuation.clone()} />
        },
        None => empty("There is no band to add the rest of the offer to."),
    };
    section("pg-rewards", "pg-rewards-title", "Total rewards", body)
}

/// Where an offer sits, what it comes to with the rest of the offer, and where a promotion would take it.
#[allow(clippy::too_many_arguments)]
fn offer_section(
    state: &State,
    actions: &Actions,
    dataset: &Dataset,
    location: &Location,
    entry: Option<&IndexEntry>,
    grade: u8,
    view: &RoleView,
    total: Option<&TotalRewards>,
) -> Html {
    let body = match (&view.band, state.offer_amount()) {
        (Ok(band), amount) => {
            let rewards = amount.zip(total).map(|(amount, total)| {
                let rest = total.total - total.base_mid;
                html! {
                    <p class="pg-offer-total" data-total={exact(amount + rest)}>
                        { format!("With target variable pay, equity and benefits, this offer comes to {} a year.",
                            money(amount + rest, &band.currency)) }
                    </p>
                }
            });
            let promotion = amount.and_then(|amount| {
                let next = next_grade(dataset, grade)?;
                // The next grade's band for the same way to hire, so both bands compare alike.
                let next_band = RoleView::new(dataset, entry, None, next, location, &state.selection.currency,
                    state.today, Detail::Figures, view.contract).band.ok()?;
                let preview = promotion(next_band, amount);
                Some(html! {
                    <p class="pg-promotion" data-grade={preview.to_grade.to_string()}
                        data-raise={exact(preview.raise_to_minimum)}>
                        { format!("Promoted to grade {} keeping this salary: a compa ratio of {} in grade {}'s band at {} ({} to {}){}.",
                            preview.to_grade, crate::figures_text::fixed(preview.compa_ratio, 2), preview.to_grade, location.name(),
                            money(preview.band.min, &preview.band.currency), money(preview.band.max, &preview.band.currency),
                            if preview.raise_to_minimum > 0.0 {
                                format!(", {} below its minimum: the raise needed to reach it", money(preview.raise_to_minimum, &preview.band.currency))
                            } else {
                                String::new()
                            }) }
                    </p>
                })
            });
            html! {
                <>
                    <OfferCheck band={band.clone()} text={state.selection.offer.clone()}
                        amount={amount} on_input={actions.set_offer.clone()} />
                    { rewards.unwrap_or_default() }
                    { promotion.unwrap_or_default() }
                </>
            }
        }
        (Err(_), _) => empty("There is no band to place an offer in."),
    };
    section(
        "pg-offer",
        "pg-offer-title",
        "Where does an offer sit?",
        html! {
            <>
                { para("pg-hint", "Nothing you type here leaves your browser: the amount rides in the link's fragment, which is never sent to a server.") }
                { body }
            </>
        },
    )
}

/// "I earn X in A; what would I earn here?", under the company's move policy.
fn move_section(
    state: &State,
    actions: &Actions,
    dataset: &Shared<Dataset>,
    location: &Location,
    entry: Option<&IndexEntry>,
    grade: u8,
) -> Html {
    let from = state
        .selection
        .move_from
        .as_deref()
        .and_then(|id| dataset.location(id));
    let local = |place: &Location| {
        role_band(
            dataset,
            entry,
            grade,
            &place.id,
            &CurrencyChoice::Local,
            state.today,
            Detail::Figures,
        )
        .ok()
    };
    let policy = dataset.manifest.policy.move_policy();
    let result = match (from, state.salary_amount()) {
        (Some(from), Some(salary)) => {
            local(from)
                .zip(local(location))
                .and_then(|(from_band, to_band)| {
                    move_pay(dataset, &from_band, &to_band, salary, policy)
                })
        }
        _ => None,
    };
    let policy_words = match policy {
        MovePolicy::KeepPosition => "pay keeps its position in the band (the same compa ratio).",
        MovePolicy::NeverLower => {
            "pay keeps its position in the band, and never goes below the current pay converted."
        }
        MovePolicy::ClampToBand => "the current pay is converted and kept inside the new band.",
    };
    section(
        "pg-move",
        "pg-move-title",
        format!("Moving to {}", location.name()),
        html! {
                <MovePay dataset={dataset.clone()} from={from.map(|f| AttrValue::from(f.id.clone()))}
                    from_currency={from.map(|f| AttrValue::from(f.currency.clone().unwrap_or_else(|| dataset.manifest.reference.currency.clone())))}
                    salary={state.selection.salary.clone()} to_name={location.name()} {result} policy={policy_words}
                    on_from={actions.set_move_from.clone()} on_salary={actions.set_salary.clone()} />
        },
    )
}

/// The page's sections and their links in the nav; the last field: only for a role (not a bare grade).
const NAV: [(&str, &str, bool); 10] = [
    ("#pg-pay", "Pay", false),
    ("#pg-rewards", "Total rewards", false),
    ("#pg-offer", "Offer", false),
    ("#pg-move", "Moving", false),
    ("#pg-compare", "Compare", false),
    ("#pg-locations", "Every location", false),
    ("#pg-job-ad", "Job ad", false),
    ("#pg-role", "Role", true),
    ("#pg-hiring", "Hiring", true),
    ("#pg-grades", "Grades", false),
];

/// One of the page's sections, named by its heading.
fn section(
    id: &'static str,
    title_id: &'static str,
    title: impl Into<AttrValue>,
    body: Html,
) -> Html {
    section_of(id, title_id, title.into(), body)
}

/// [`section`]'s markup, never inlined: each `html!` element is a few hundred bytes of wasm, so the ten
/// sections share one copy of it.
#[inline(never)]
fn section_of(id: &'static str, title_id: &'static str, title: AttrValue, body: Html) -> Html {
    html! {
        <section {id} class="pg-section" aria-labelledby={title_id}>
            <h2 id={title_id}>{ title }</h2>
            { body }
        </section>
    }
}

/// A sentence saying there is nothing to show here.
fn empty(text: &'static str) -> Html {
    para("pg-empty", text)
}

/// What is on its way, said to screen readers as it changes.
#[inline(never)]
fn status(text: &'static str) -> Html {
    html! { <p class="pg-status" role="status">{ text }</p> }
}
