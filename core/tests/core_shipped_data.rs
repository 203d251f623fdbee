//! The shipped sample data folder loads with zero problems and every band can be computed.

use std::path::Path;

use paygrade_core::band::{bands_for_grade_everywhere, CurrencyChoice};
use paygrade_core::model::slug;
use paygrade_core::parse::load_dataset;

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../data");

#[test]
fn shipped_data_loads_without_errors() {
    let manifest = std::fs::read(Path::new(DATA).join("paygrade.json")).unwrap();
    let fetch = |path: &str| {
        std::fs::read(Path::new(DATA).join(path)).map_err(|e| format!("could not be read ({e})"))
    };
    let (dataset, errors) = load_dataset("paygrade.json", &manifest, &fetch);
    let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert!(errors.is_empty(), "{messages:#?}");
    let data = dataset.unwrap();

    // The ladder the issue asks for: 4 (intern) to 15, no 13, 12 = VP / Fellow.
    let numbers: Vec<u8> = data.grades.iter().map(|g| g.grade).collect();
    assert_eq!(numbers.first(), Some(&4));
    assert_eq!(numbers.last(), Some(&15));
    assert!(!numbers.contains(&13));
    let vp = data.grade(12).unwrap();
    assert!(
        vp.manager_titles
            .iter()
            .any(|t| t.contains("VP") || t.contains("Vice President")),
        "{vp:?}"
    );
    assert!(vp.ic_titles.iter().any(|t| t.contains("Fellow")), "{vp:?}");

    // At least 150 areas in at least 60 countries.
    let mut countries: Vec<String> = data.locations.iter().map(|l| slug(&l.country)).collect();
    countries.sort();
    countries.dedup();
    assert!(
        data.locations.len() >= 150,
        "{} locations",
        data.locations.len()
    );
    assert!(countries.len() >= 60, "{} countries", countries.len());
    assert!(data.location("united-kingdom/london-england").is_some());

    // The sample role reads as the acceptance page does.
    assert_eq!(data.roles.len(), data.manifest.roles.len());
    let role = &data.roles[0];
    assert_eq!(role.grade, Some(12));
    assert_eq!(role.hiring_minutes(), 165);
    assert_eq!(role.hiring_steps.len(), 6);
    let groups: Vec<usize> = role
        .responsibilities
        .iter()
        .map(|g| g.items.len())
        .collect();
    assert_eq!(groups, vec![12, 6]);
    assert_eq!(role.requirements.len(), 14);

    // Every grade at every location has a band in its local currency.
    for grade in &data.grades {
        for (id, band) in
            bands_for_grade_everywhere(&data, grade.grade, None, &CurrencyChoice::Local, None)
        {
            let band = band.unwrap_or_else(|e| panic!("{id}: {e}"));
            assert!(
                band.min > 0.0 && band.min <= band.mid && band.mid <= band.max,
                "{id}"
            );
        }
    }
}
