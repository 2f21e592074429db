//! The CloudFormation template as JSON. JSON has no comments: the template's `Description` and
//! the bucket parameter's say what the YAML form says in comments.

use super::literal::{self, JSON};
use super::{cfn, Trail};
use crate::request::model::Selectors;

pub(super) fn write(trail: &Trail, selectors: &Selectors) -> Result<String, String> {
    let mut out = String::new();
    literal::write(&cfn::template(trail, selectors)?, &JSON, 0, &mut out);
    out.push('\n');
    Ok(out)
}
