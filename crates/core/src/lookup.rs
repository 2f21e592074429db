//! The account stage: finding the trail and the conditions the context simulates
//! (decisions D19–D21). Runs only when the name stage passed.

use crate::context::{AccountContext, Trail, TrailStatus};
use crate::diagnostic::{Code, Diagnostic};
use crate::syntax::LocatedString;

/// The trail `name` designates in `context`, or the diagnostic CloudTrail would answer with.
pub fn find<'c>(context: &'c AccountContext, name: &LocatedString) -> Result<&'c Trail, Box<Diagnostic>> {
    let error = |code, message: String| Diagnostic::new(code, message, &name.pointer, name.span);
    if context.throttle {
        return Err(Box::new(
            error(Code::ThrottlingException, "Rate exceeded".into())
                .help("simulated by \"throttle\": true in the context (PutEventSelectors is limited to 1 TPS)")
                .spec("§2")
                .decision("D21"),
        ));
    }
    if context.unsupported_regions.contains(&context.region) {
        let message = format!("This operation is not supported in the {} Region.", context.region);
        return Err(Box::new(
            error(Code::UnsupportedOperationException, message)
                .help("simulated by the context's \"unsupportedRegions\"")
                .spec("§2")
                .decision("D21"),
        ));
    }
    let trail = lookup(context, &name.value).ok_or_else(|| {
        error(Code::TrailNotFoundException, format!("Unknown trail: {} for the user: {}", name.value, context.account))
            .help("a name is looked up among the caller account's trails; an organization trail of another account must be named by its full ARN")
            .spec("§2")
            .decision("D19")
    })?;
    permitted(context, trail)
        .map_err(|(code, message, help, decision)| error(code, message).help(help).spec("§2").decision(decision))?;
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

type Refusal = (Code, String, &'static str, &'static str);

/// The found trail may still refuse the call (D19–D21), checked in this order.
fn permitted(context: &AccountContext, trail: &Trail) -> Result<(), Refusal> {
    if trail.home_region != context.region {
        return Err((
            Code::InvalidHomeRegionException,
            format!(
                "The trail {} was created in {}; PutEventSelectors must be called from that Region, not {}.",
                trail.name, trail.home_region, context.region
            ),
            "send the request to the trail's home Region (e.g. --region on the CLI)",
            "D19",
        ));
    }
    if trail.service_linked {
        return Err((
            Code::OperationNotPermittedException,
            format!("The trail {} is managed by another AWS service and cannot be modified.", trail.name),
            "simulated by \"serviceLinked\": true on the trail",
            "D21",
        ));
    }
    if trail.is_organization_trail {
        organization(context, trail)?;
    }
    if trail.status == TrailStatus::Updating {
        return Err((
            Code::ConflictException,
            format!("The trail {} is being modified by another operation. Try again later.", trail.name),
            "simulated by \"status\": \"updating\" on the trail",
            "D21",
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
        return Err((
            Code::NotOrganizationMasterAccountException,
            format!("The account {} is not the management account or a delegated administrator of the organization that owns trail {}.", context.account, trail.name),
            "organization trails can only be updated from the management account or a delegated administrator",
            "D20",
        ));
    }
    if org.is_some_and(|o| !o.service_linked_role) {
        return Err((
            Code::NoManagementAccountSlrExistsException,
            "The management account does not have a service-linked role for CloudTrail.".into(),
            "simulated by \"serviceLinkedRole\": false in the context's organization",
            "D21",
        ));
    }
    if org.is_some_and(|o| !o.dependency_access) {
        return Err((
            Code::InsufficientDependencyServiceAccessPermissionException,
            "The caller lacks permissions on AWS Organizations required to update an organization trail.".into(),
            "simulated by \"dependencyAccess\": false in the context's organization",
            "D21",
        ));
    }
    Ok(())
}
