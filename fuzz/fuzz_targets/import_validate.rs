#![no_main]
// What it checks: crates/fuzz-checks/src/import.rs.
libfuzzer_sys::fuzz_target!(|data: &[u8]| trailscope_fuzz_checks::import::check(data));
