#![no_main]
// What it checks: crates/fuzz-checks/src/validate.rs.
libfuzzer_sys::fuzz_target!(|data: &[u8]| trailscope_fuzz_checks::validate::check(data));
