//! Every committed fuzz input, through the checks the fuzz targets run: the seed corpora
//! (`fuzz/corpus/<target>/`, minimised with `cargo fuzz cmin`) and the inputs that once crashed
//! or were slow (`fuzz/regressions/<target>/`). Stable toolchain, part of `make test`.

use std::path::{Path, PathBuf};
use trailscope_fuzz_checks::TARGETS;

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz")
}

/// The files of `dir`, sorted (none when it does not exist).
fn files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| entries.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.is_file()).collect())
        .unwrap_or_default();
    files.sort();
    files
}

fn run(folder: &str, target: &str, check: fn(&[u8])) -> usize {
    let inputs = files(&fuzz_dir().join(folder).join(target));
    for path in &inputs {
        let data = std::fs::read(path).unwrap();
        if std::panic::catch_unwind(|| check(&data)).is_err() {
            panic!("{} fails its check", path.display());
        }
    }
    inputs.len()
}

#[test]
fn every_corpus_input_passes_its_check() {
    for (target, check) in TARGETS {
        let n = run("corpus", target, *check);
        assert!(n > 0, "fuzz/corpus/{target}/ is empty or missing");
    }
}

#[test]
fn every_crash_input_passes_its_check() {
    for (target, check) in TARGETS {
        run("regressions", target, *check);
    }
}

#[test]
fn every_target_has_a_fuzz_target_file_and_no_stray_folders() {
    let names: Vec<&str> = TARGETS.iter().map(|(name, _)| *name).collect();
    for name in &names {
        assert!(fuzz_dir().join("fuzz_targets").join(format!("{name}.rs")).is_file(), "no fuzz target {name}");
    }
    for folder in ["corpus", "regressions"] {
        for dir in std::fs::read_dir(fuzz_dir().join(folder)).into_iter().flatten().flatten() {
            let name = dir.file_name().to_string_lossy().into_owned();
            assert!(names.contains(&name.as_str()), "fuzz/{folder}/{name} belongs to no target");
        }
    }
}
