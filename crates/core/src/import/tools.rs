//! Where IaC tools disagree with AWS (issue 11 §2; decisions D47).

use super::Dialect;
use crate::diagnostics::Diagnostic;
use crate::source::json::Node;

pub fn notes(_document: &Node, _dialect: Dialect) -> Vec<Diagnostic> {
    Vec::new()
}
