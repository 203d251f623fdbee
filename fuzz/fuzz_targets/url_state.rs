//! Any query string: decoding never panics, encoding then decoding gives back the same view,
//! and the data folder a link can name is always a same-origin relative path.
#![no_main]

use libfuzzer_sys::fuzz_target;
use paygrade::ui::url::{data_base, ViewQuery};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let view = ViewQuery::parse(&text);
    let query = view.to_query();
    assert_eq!(
        ViewQuery::parse(&query),
        view,
        "query {query:?} from {text:?}"
    );
    assert_eq!(ViewQuery::parse(&query).to_query(), query);

    if let Ok(base) = data_base(&text) {
        assert!(base.ends_with('/'), "{base:?}");
        assert!(!base.starts_with("//"), "{base:?}");
        assert!(!base.contains(['\\', '?', '#']), "{base:?}");
        let head = base.split('/').next().unwrap_or("");
        assert!(!head.contains(':'), "{base:?}");
    }
    if let Some(folder) = &view.data {
        let _ = data_base(folder);
    }
});
