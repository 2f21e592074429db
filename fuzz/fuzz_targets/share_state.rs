#![no_main]
// What it checks: crates/fuzz-checks/src/share.rs.
libfuzzer_sys::fuzz_target!(|data: &[u8]| trailscope_fuzz_checks::share::check(data));
