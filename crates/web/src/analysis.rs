//! Runs the core on the editors' texts; the views show the resulting report.

use trailscope_core::report::{report, Offsets, Report};

pub type Analysis = Report;

pub fn analyse(request: &str, context: &str) -> Analysis {
    report(request, Some(context), Offsets::BytesAndUtf16)
}
