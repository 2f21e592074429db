//! `aws cloudtrail describe-trails` output as the account context (issue 11 §1; decisions
//! D48): each trail with its home Region, owner (from its ARN), organization and multi-Region
//! flags, and whether it is logging, from `get-trail-status`'s `IsLogging` merged into the
//! trail's object or given under `TrailStatus` by trail name or ARN. describe-trails does not
//! list selectors, so the trails have none stored. The caller is the account that owns most
//! of the listed trails, in the Region most of them call home (ties: the first listed).

use super::SyntaxProblem;
use crate::catalog::arn;
use crate::check::context::{AccountContext, Organization, Trail, TrailStatus};
use crate::request::files::is_describe_trails_output;
use crate::source::json::{self, Node, Value};
use crate::source::span::Span;

/// The context described by describe-trails output (JSON text).
pub fn context(text: &str) -> Result<AccountContext, String> {
    let root = json::parse(text).map_err(|e| format!("not JSON: {}", e.message))?;
    if !is_describe_trails_output(&root) {
        return Err("not describe-trails output (no trailList)".into());
    }
    from_node(&root).map_err(|p| p.message)
}

/// One listed trail, as read.
struct Listed {
    trail: Trail,
    account: String,
}

pub fn from_node(root: &Node) -> Result<AccountContext, SyntaxProblem> {
    let list = root.get("trailList").map(|m| &m.value);
    let items: &[Node] = match list.map(|n| &n.value) {
        Some(Value::Array(items)) => items,
        _ => &[],
    };
    let statuses = root.get("TrailStatus").or_else(|| root.get("trailStatus")).map(|m| &m.value);
    let listed: Vec<Listed> = items.iter().map(|n| listed(n, statuses)).collect::<Result<_, _>>()?;
    let Some(account) = most_common(listed.iter().map(|l| l.account.as_str())) else {
        return Err(SyntaxProblem::new(
            "describe-trails output without trails: no account to simulate".into(),
            root.span,
        ));
    };
    let region = most_common(listed.iter().filter(|l| l.account == account).map(|l| l.trail.home_region.as_str()))
        .unwrap_or_default();
    let organization = listed.iter().find(|l| l.trail.is_organization_trail).map(|l| Organization {
        management_account: l.account.clone(),
        delegated_administrators: Vec::new(),
        service_linked_role: true,
        dependency_access: true,
    });
    let trails =
        listed.into_iter().map(|l| Trail { account: (l.account != account).then_some(l.account), ..l.trail }).collect();
    let context = AccountContext {
        account,
        region,
        partition: None,
        organization,
        trails,
        throttle: false,
        unsupported_regions: Vec::new(),
        trail_name: None,
    };
    // The context's own checks (accounts, regions) run on what was read.
    AccountContext::from_json(&context.to_json()).map_err(|e| SyntaxProblem::new(e.message, root.span))
}

fn listed(node: &Node, statuses: Option<&Node>) -> Result<Listed, SyntaxProblem> {
    let text = |key: &str| node.get(key).and_then(|m| m.value.as_str());
    let flag = |key: &str| node.get(key).map(|m| m.value.value == Value::Bool(true));
    let missing = |what: &str| SyntaxProblem::new(format!("a trail without {what}"), node.span.first_byte());
    let trail_arn = text("TrailARN").ok_or_else(|| missing("TrailARN"))?;
    let parts = arn::split(trail_arn).ok_or_else(|| bad_arn(trail_arn, node.span))?;
    let name = text("Name").or_else(|| parts.resource.strip_prefix("trail/")).ok_or_else(|| missing("Name"))?;
    let home_region = text("HomeRegion").unwrap_or(parts.region).to_string();
    let status = statuses.and_then(|s| s.get(name).or_else(|| s.get(trail_arn))).map(|m| &m.value);
    let is_logging = flag("IsLogging")
        .or_else(|| status.and_then(|s| s.get("IsLogging")).map(|m| m.value.value == Value::Bool(true)))
        .unwrap_or(true);
    let trail = Trail {
        name: name.to_string(),
        home_region,
        account: None,
        is_organization_trail: flag("IsOrganizationTrail").unwrap_or(false),
        status: TrailStatus::Ok,
        is_logging,
        is_multi_region_trail: flag("IsMultiRegionTrail").unwrap_or(false),
        service_linked: false,
        selectors: None,
    };
    Ok(Listed { trail, account: parts.account.to_string() })
}

fn bad_arn(value: &str, span: Span) -> SyntaxProblem {
    SyntaxProblem::new(format!("TrailARN \"{value}\" is not an ARN"), span.first_byte())
}

/// The most frequent value (the first listed among ties), in one pass.
fn most_common<'a>(values: impl Iterator<Item = &'a str>) -> Option<String> {
    let mut counts: std::collections::HashMap<&str, (usize, usize)> = std::collections::HashMap::new();
    for (i, v) in values.enumerate() {
        counts.entry(v).or_insert((0, i)).0 += 1;
    }
    let best = counts.iter().max_by_key(|(_, (n, first))| (*n, std::cmp::Reverse(*first)))?;
    Some(best.0.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const OUTPUT: &str = r#"{"trailList": [
        {"Name": "org-trail", "TrailARN": "arn:aws:cloudtrail:us-east-1:111111111111:trail/org-trail",
         "HomeRegion": "us-east-1", "IsMultiRegionTrail": true, "IsOrganizationTrail": true},
        {"Name": "audit", "TrailARN": "arn:aws:cloudtrail:eu-west-1:222222222222:trail/audit",
         "HomeRegion": "eu-west-1", "IsMultiRegionTrail": false, "IsOrganizationTrail": false, "IsLogging": false},
        {"Name": "data", "TrailARN": "arn:aws:cloudtrail:eu-west-1:222222222222:trail/data",
         "HomeRegion": "eu-west-1", "IsMultiRegionTrail": true}],
        "TrailStatus": {"data": {"IsLogging": false}}}"#;

    #[test]
    fn trails_flags_and_owners_become_the_context() {
        let context = context(OUTPUT).unwrap();
        assert_eq!((context.account.as_str(), context.region.as_str()), ("222222222222", "eu-west-1"));
        assert_eq!(context.organization.as_ref().unwrap().management_account, "111111111111");
        let org = &context.trails[0];
        assert_eq!(
            (org.account.as_deref(), org.is_organization_trail, org.is_logging),
            (Some("111111111111"), true, true)
        );
        assert_eq!((context.trails[1].is_logging, context.trails[1].is_multi_region_trail), (false, false));
        assert!(!context.trails[2].is_logging, "from TrailStatus");
        assert_eq!(context.trails[2].account, None);
    }

    #[test]
    fn what_cannot_be_read_says_so() {
        assert!(context(r#"{"trailList": []}"#).unwrap_err().contains("without trails"));
        assert!(context(r#"{"trailList": [{"Name": "x", "TrailARN": "nope"}]}"#).unwrap_err().contains("not an ARN"));
        assert!(context(r#"{"other": 1}"#).is_err());
    }
}
