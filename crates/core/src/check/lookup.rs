//! The account stage: finding the trail and the conditions the context simulates
//! (decisions D19–D21). Runs only when the name stage passed.

use crate::check::context::{AccountContext, Trail, TrailStatus};
use crate::diagnostics::{Code, Diagnostic};
use crate::request::located::LocatedString;

/// One context setting and the exception it makes the call fail with, for the page's list of
/// what the context simulates. `code` and `decision` are the ones [`find`] reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Simulation {
    /// The setting, as written in the context.
    pub setting: &'static str,
    pub code: Code,
    /// The decision it rests on (AWS documents none of these conditions' triggers).
    pub decision: &'static str,
    /// The real situation the setting stands for.
    pub simulates: &'static str,
}

#[rustfmt::skip]
mod simulated;
use simulated::*;

/// Every exception the account context can produce, in the order [`find`] checks them: when
/// two conditions hold, the earlier one is reported. spec: decisions D19–D21
pub const SIMULATED: &[Simulation] = &[
    THROTTLE,
    UNSUPPORTED_REGION,
    NOT_FOUND,
    HOME_REGION,
    SERVICE_LINKED,
    NOT_ADMIN,
    NO_SLR,
    NO_DEPENDENCY_ACCESS,
    UPDATING,
];

/// Why the call is refused: the simulated condition, AWS's message and what to change.
#[derive(Debug)]
struct Refusal {
    simulation: &'static Simulation,
    message: String,
    help: &'static str,
}

impl Refusal {
    fn new(simulation: &'static Simulation, message: impl Into<String>, help: &'static str) -> Self {
        Refusal { simulation, message: message.into(), help }
    }
}

/// The trail `name` designates in `context`, or the diagnostic CloudTrail would answer with.
pub fn find<'c>(context: &'c AccountContext, name: &LocatedString) -> Result<&'c Trail, Box<Diagnostic>> {
    refusal(context, &name.value).map_err(|r| {
        Box::new(
            Diagnostic::new(r.simulation.code, r.message, &name.pointer, name.span)
                .help(r.help)
                .spec("§2")
                .decision(r.simulation.decision),
        )
    })
}

/// The checks in the order of [`SIMULATED`].
fn refusal<'c>(context: &'c AccountContext, name: &str) -> Result<&'c Trail, Refusal> {
    if context.throttle {
        let help = "simulated by \"throttle\": true in the context (PutEventSelectors is limited to 1 TPS)";
        return Err(Refusal::new(&THROTTLE, "Rate exceeded", help));
    }
    if context.unsupported_regions.contains(&context.region) {
        let message = format!("This operation is not supported in the {} Region.", context.region);
        return Err(Refusal::new(&UNSUPPORTED_REGION, message, "simulated by the context's \"unsupportedRegions\""));
    }
    let trail = lookup(context, name).ok_or_else(|| {
        Refusal::new(
            &NOT_FOUND,
            format!("Unknown trail: {name} for the user: {}", context.account),
            "a name is looked up among the caller account's trails; an organization trail of another account must be named by its full ARN",
        )
    })?;
    permitted(context, trail)?;
    Ok(trail)
}

/// By exact ARN, or by name among the caller's own trails (D19).
fn lookup<'c>(context: &'c AccountContext, name: &str) -> Option<&'c Trail> {
    if name.starts_with("arn:") {
        context.trails.iter().find(|t| context.trail_arn(t) == name)
    } else {
        context.trails.iter().find(|t| t.name == name && context.owner(t) == context.account)
    }
}

/// The found trail may still refuse the call (D19–D21), checked in this order.
fn permitted(context: &AccountContext, trail: &Trail) -> Result<(), Refusal> {
    if trail.home_region != context.region {
        return Err(Refusal::new(
            &HOME_REGION,
            format!(
                "The trail {} was created in {}; PutEventSelectors must be called from that Region, not {}.",
                trail.name, trail.home_region, context.region
            ),
            "send the request to the trail's home Region (e.g. --region on the CLI)",
        ));
    }
    if trail.service_linked {
        return Err(Refusal::new(
            &SERVICE_LINKED,
            format!("The trail {} is managed by another AWS service and cannot be modified.", trail.name),
            "simulated by \"serviceLinked\": true on the trail",
        ));
    }
    if trail.is_organization_trail {
        organization(context, trail)?;
    }
    if trail.status == TrailStatus::Updating {
        return Err(Refusal::new(
            &UPDATING,
            format!("The trail {} is being modified by another operation. Try again later.", trail.name),
            "simulated by \"status\": \"updating\" on the trail",
        ));
    }
    Ok(())
}

fn organization(context: &AccountContext, trail: &Trail) -> Result<(), Refusal> {
    let org = context.organization.as_ref();
    let is_admin = org.is_some_and(|o| {
        o.management_account == context.account || o.delegated_administrators.contains(&context.account)
    });
    if !is_admin {
        return Err(Refusal::new(
            &NOT_ADMIN,
            format!("The account {} is not the management account or a delegated administrator of the organization that owns trail {}.", context.account, trail.name),
            "organization trails can only be updated from the management account or a delegated administrator",
        ));
    }
    if org.is_some_and(|o| !o.service_linked_role) {
        return Err(Refusal::new(
            &NO_SLR,
            "The management account does not have a service-linked role for CloudTrail.",
            "simulated by \"serviceLinkedRole\": false in the context's organization",
        ));
    }
    if org.is_some_and(|o| !o.dependency_access) {
        return Err(Refusal::new(
            &NO_DEPENDENCY_ACCESS,
            "The caller lacks permissions on AWS Organizations required to update an organization trail.",
            "simulated by \"dependencyAccess\": false in the context's organization",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests;
