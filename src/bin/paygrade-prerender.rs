//! `paygrade-prerender DATA_DIR OUT_DIR`: writes the pre-rendered pages (and each page's `bands.json`) for
//! the data folder into the built site. `cargo xtask build` runs it after the wasm is built.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use std::path::PathBuf;
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [data, out] = args.as_slice() else {
        eprintln!("usage: paygrade-prerender DATA_DIR OUT_DIR");
        return std::process::ExitCode::from(2);
    };
    match write_site(&PathBuf::from(data), &PathBuf::from(out)) {
        Ok(count) => {
            println!("pre-rendered {count} files into {out}");
            std::process::ExitCode::SUCCESS
        }
        Err(why) => {
            eprintln!("paygrade-prerender: {why}");
            std::process::ExitCode::FAILURE
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn write_site(data: &std::path::Path, out: &std::path::Path) -> Result<usize, String> {
    let sources = paygrade::site::read_folder(data)?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|e| format!("cannot start a runtime: {e}"))?;
    let read = |path: &str| std::fs::read(data.join(path)).map_err(|e| e.to_string());
    let files = runtime.block_on(paygrade::site::render_site(
        sources,
        paygrade::ui::clock::today(),
        &read,
    ));
    if files.is_empty() {
        return Err("the data folder gave no dataset".into());
    }
    for file in &files {
        let target = out.join(&file.path);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
        }
        std::fs::write(&target, &file.contents)
            .map_err(|e| format!("cannot write {}: {e}", target.display()))?;
    }
    Ok(files.len())
}

/// The pre-renderer runs natively only; a wasm build of this binary does nothing.
#[cfg(target_arch = "wasm32")]
fn main() {}
