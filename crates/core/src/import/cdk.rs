//! CDK CfnTrail props (issue 11 §1).

use super::{ImportedTrail, SyntaxProblem};

pub fn looks_like(_text: &str) -> bool {
    false
}

pub fn trails(_text: &str) -> Result<Vec<ImportedTrail>, SyntaxProblem> {
    Ok(Vec::new())
}

pub fn key_name(_aws: &str) -> Option<&'static str> {
    None
}
