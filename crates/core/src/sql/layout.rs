//! The table layout every query reads (decisions D40): the columns of the Athena user guide's
//! CloudTrail table (lowercase, `readonly` a string, `resources` an array of structs), plus two
//! members the matcher reads that the guide's table leaves out: `managementevent` (D26, D30)
//! and `resources[].arnprefix` (D25).

use super::dialect::Syntax;
use super::expr::Sql;
use super::SqlError;
use crate::catalog::{self, Field};

/// The lambda variable standing for one entry of `resources`.
pub(crate) const RESOURCE: &str = "r";
pub(crate) const RESOURCES: &str = "resources";
pub(crate) const RESOURCE_TYPE: &str = "r.type";
/// A resource's ARN as the matcher reads it: `ARN` (or `arn`, D31, which the table's JSON
/// reader folds into the same column), else `ARNPrefix` (D25).
pub(crate) const RESOURCE_ARN: &str = "coalesce(r.arn, r.arnprefix)";
pub(crate) const EVENT_SOURCE: &str = "eventsource";
pub(crate) const READ_ONLY: &str = "readonly";
pub(crate) const AWS_REGION: &str = "awsregion";

/// The column of a field read once per record (`None` for eventCategory, which is derived, and
/// the per-resource fields).
pub(crate) fn column(field: Field) -> Option<&'static str> {
    match field {
        Field::EventSource => Some(EVENT_SOURCE),
        Field::EventName => Some("eventname"),
        Field::EventType => Some("eventtype"),
        Field::ErrorCode => Some("errorcode"),
        Field::VpcEndpointId => Some("vpcendpointid"),
        Field::ReadOnly => Some(READ_ONLY),
        Field::SessionCredentialFromConsole => Some("sessioncredentialfromconsole"),
        Field::UserIdentityArn => Some("useridentity.arn"),
        Field::EventCategory | Field::ResourcesType | Field::ResourcesArn => None,
    }
}

/// `column IS NOT NULL`: every test is guarded by it, so a predicate is never NULL and its
/// negation selects exactly the events it does not.
pub(crate) fn present(column: &str) -> Sql {
    Sql::text(format!("{column} IS NOT NULL"))
}

/// `column = value` for a column that may be NULL, never NULL itself.
pub(crate) fn equals(syntax: &dyn Syntax, column: &str, value: &str) -> Result<Sql, SqlError> {
    Ok(Sql::and([present(column), Sql::text(format!("{column} = {}", syntax.literal(value)?))]))
}

/// Whether any resource makes `body` true; never NULL (a missing or empty `resources` has no
/// entry that passes: D25).
pub(crate) fn any_resource(syntax: &dyn Syntax, body: Sql) -> Sql {
    if body == Sql::Const(false) {
        return body;
    }
    Sql::text(format!("coalesce({}, FALSE)", syntax.any(RESOURCES, RESOURCE, body.render())))
}

/// The record's category (decisions D26): `eventcategory` when present; else `managementevent`
/// "true" (D30) is Management; else a resource of a data type (the dated catalogue) is Data;
/// else Management.
pub(crate) fn category(syntax: &dyn Syntax) -> Result<String, SqlError> {
    let mut types = Vec::new();
    for t in catalog::resource_types() {
        types.push(syntax.literal(t)?);
    }
    let data = any_resource(syntax, Sql::text(format!("{RESOURCE_TYPE} IN ({})", types.join(", "))));
    Ok(format!(
        "CASE WHEN eventcategory IS NOT NULL THEN eventcategory WHEN managementevent = 'true' THEN 'Management' \
         WHEN {} THEN 'Data' ELSE 'Management' END",
        data.render()
    ))
}
