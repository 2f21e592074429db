#![no_main]
// What it checks: crates/fuzz-checks/src/split.rs.
libfuzzer_sys::fuzz_target!(|data: &[u8]| trailscope_fuzz_checks::split::check(data));
