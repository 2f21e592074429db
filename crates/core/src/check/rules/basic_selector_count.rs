//! At most five basic event selectors (spec §1.1, §4.2 "1 to 5"; decisions D7).

use super::invalid_selectors;
use crate::diagnostics::Problems;
use crate::request::located::Request;

pub const MAX_EVENT_SELECTORS: usize = 5;

pub fn check(request: &Request, out: &mut Problems) {
    let selectors = request.event_selectors();
    if let Some(sixth) = selectors.get(MAX_EVENT_SELECTORS) {
        let message = format!(
            "a trail can have up to {MAX_EVENT_SELECTORS} event selectors; this request has {}. Specify a valid number of event selectors (1 to 5)",
            selectors.len()
        );
        out.push(|| {
            invalid_selectors(message, &sixth.pointer, sixth.span.first_byte())
                .help("merge selectors that share a ReadWriteType, or use AdvancedEventSelectors")
                .spec("§4.2")
                .decision("D7")
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::rules::test_support::{pointers, run_rule};
    use crate::diagnostics::Diagnostic;

    fn with(n: usize) -> Vec<Diagnostic> {
        let selectors = vec!["{}"; n].join(",");
        run_rule(check, &format!(r#"{{"TrailName":"t","EventSelectors":[{selectors}]}}"#))
    }

    #[test]
    fn five_pass_six_fail_at_the_sixth() {
        assert!(with(5).is_empty());
        assert_eq!(pointers(&with(6)), ["/EventSelectors/5"]);
    }
}
