//! The conditions the account context simulates, one line each (a table, kept unformatted):
//! the setting as written in the context, the exception, the decision it rests on, and the
//! real situation it stands for (decisions D19-D21).

use super::Simulation;
use crate::diagnostics::Code;

const fn simulation(setting: &'static str, code: Code, decision: &'static str, simulates: &'static str) -> Simulation {
    Simulation { setting, code, decision, simulates }
}

pub(super) const THROTTLE: Simulation = simulation("\"throttle\": true", Code::ThrottlingException, "D21", "calls over PutEventSelectors' rate limit");
pub(super) const UNSUPPORTED_REGION: Simulation = simulation("\"region\" listed in \"unsupportedRegions\"", Code::UnsupportedOperationException, "D21", "a Region where the operation is not offered");
pub(super) const NOT_FOUND: Simulation = simulation("TrailName is not a trail of \"account\" (by name), nor any trail's ARN", Code::TrailNotFoundException, "D19", "a trail that does not exist for the caller");
pub(super) const HOME_REGION: Simulation = simulation("the trail's \"homeRegion\" differs from \"region\"", Code::InvalidHomeRegionException, "D19", "a call sent to another Region than the trail's home Region");
pub(super) const SERVICE_LINKED: Simulation = simulation("a trail with \"serviceLinked\": true", Code::OperationNotPermittedException, "D21", "a trail created and owned by another AWS service");
pub(super) const NOT_ADMIN: Simulation = simulation("an organization trail, and \"account\" is neither organization.managementAccount nor a delegatedAdministrator", Code::NotOrganizationMasterAccountException, "D20", "a member account changing its organization's trail");
pub(super) const NO_SLR: Simulation = simulation("an organization trail, with organization.serviceLinkedRole: false", Code::NoManagementAccountSlrExistsException, "D21", "a management account without CloudTrail's service-linked role");
pub(super) const NO_DEPENDENCY_ACCESS: Simulation = simulation("an organization trail, with organization.dependencyAccess: false", Code::InsufficientDependencyServiceAccessPermissionException, "D21", "a caller without the AWS Organizations permissions an organization trail needs");
pub(super) const UPDATING: Simulation = simulation("a trail with \"status\": \"updating\"", Code::ConflictException, "D21", "another operation modifying the trail at the same time");
