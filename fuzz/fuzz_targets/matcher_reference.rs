#![no_main]
// What it checks: crates/fuzz-checks/src/matcher.rs.
libfuzzer_sys::fuzz_target!(|data: &[u8]| trailscope_fuzz_checks::matcher::check(data));
