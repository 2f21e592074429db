//! The importers (`import::validate`) on any text: a CloudFormation template (JSON or YAML), a
//! Terraform file or `terraform show -json` output, CDK `CfnTrail` props, describe-trails output,
//! or none of them. Every trail's diagnostics and fixes point inside the user's text on character
//! boundaries (fixes edit that text), and each trail's outcome agrees with its diagnostics.
//!
//! Input: a first byte choosing the context (even: none; odd: the default context), then the
//! text (lossy UTF-8).

use trailscope_core::context::{AccountContext, DEFAULT_CONTEXT_JSON};
use trailscope_core::{import, Diagnostic};

pub fn check(data: &[u8]) {
    let Some((&mode, rest)) = data.split_first() else { return };
    let text = String::from_utf8_lossy(rest);
    let context =
        (mode % 2 == 1).then(|| AccountContext::from_json(DEFAULT_CONTEXT_JSON).expect("the default context"));
    // Err: describe-trails output, which is a context and not a request (no diagnostics).
    let Ok(validation) = import::validate(&text, context.as_ref(), None) else { return };
    assert!(!validation.trails.is_empty(), "a validation without a trail");
    for trail in &validation.trails {
        let evaluation = &trail.evaluation;
        for d in &evaluation.diagnostics {
            crate::validate::located(&text, d);
        }
        let errors = evaluation.diagnostics.iter().any(Diagnostic::is_error);
        assert_eq!(
            evaluation.is_valid(),
            !errors,
            "{}: {:?} with {:?}",
            trail.name,
            evaluation.outcome,
            evaluation.diagnostics
        );
    }
}
