//! The simulated account a request is evaluated in (decisions D19–D22): who calls, from
//! which region, which trails exist and what state they are in. Read from JSON (a context
//! file in the CLI, the context panel in the page).

use crate::catalog::arn;
use crate::check::service::put_event_selectors;
use crate::diagnostics::Diagnostic;
use crate::request::model::{Selectors, SelectorsResponse};
use serde::{Deserialize, Serialize};

/// Account, region and trails used when no context is given (the CLI default).
pub const DEFAULT_ACCOUNT: &str = "123456789012";
pub const DEFAULT_REGION: &str = "us-east-1";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AccountContext {
    /// The caller's account id (12 digits).
    pub account: String,
    /// The region the request is sent to.
    pub region: String,
    /// Defaults to the partition of `region`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partition: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization: Option<Organization>,
    #[serde(default)]
    pub trails: Vec<Trail>,
    /// Simulates a request rate over the limit: ThrottlingException (D21).
    #[serde(default, skip_serializing_if = "is_false")]
    pub throttle: bool,
    /// Regions where the operation is not supported: UnsupportedOperationException (D21).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unsupported_regions: Vec<String>,
    /// The trail a bare selector list applies to (default: the caller's first trail).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trail_name: Option<String>,
}

fn is_false(b: &bool) -> bool {
    !b
}

fn yes() -> bool {
    true
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Organization {
    pub management_account: String,
    #[serde(default)]
    pub delegated_administrators: Vec<String>,
    /// false: NoManagementAccountSLRExistsException for organization trails (D21).
    #[serde(default = "yes")]
    pub service_linked_role: bool,
    /// false: InsufficientDependencyServiceAccessPermissionException (D21).
    #[serde(default = "yes")]
    pub dependency_access: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum TrailStatus {
    #[default]
    Ok,
    /// Another operation is modifying the trail: ConflictException (D21).
    Updating,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Trail {
    pub name: String,
    pub home_region: String,
    /// The owning account; defaults to the caller's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account: Option<String>,
    #[serde(default)]
    pub is_organization_trail: bool,
    #[serde(default)]
    pub status: TrailStatus,
    /// Whether the trail is delivering events (`GetTrailStatus.IsLogging`); a trail that is not
    /// logging logs nothing (decisions D33). Defaults to true.
    #[serde(default = "yes")]
    pub is_logging: bool,
    /// Whether the trail logs every Region (`IsMultiRegionTrail`); a single-Region trail logs only
    /// its home Region's events (decisions D33). Defaults to true, the console's default.
    #[serde(default = "yes")]
    pub is_multi_region_trail: bool,
    /// Created and owned by another AWS service: OperationNotPermittedException (D21).
    #[serde(default, skip_serializing_if = "is_false")]
    pub service_linked: bool,
    /// The stored selectors; absent for a trail never configured (D28).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub selectors: Option<Selectors>,
}

/// A context that cannot be used, with its place in the context text (1-based).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ContextError {
    pub message: String,
    pub line: usize,
    pub column: usize,
}

impl AccountContext {
    /// Reads and checks a context; the error says what to change.
    pub fn from_json(text: &str) -> Result<Self, ContextError> {
        let context: AccountContext = serde_json::from_str(text).map_err(|e| ContextError {
            message: e.to_string(),
            line: e.line(),
            column: e.column(),
        })?;
        context.check().map_err(|message| ContextError { message, line: 0, column: 0 })?;
        Ok(context)
    }

    fn check(&self) -> Result<(), String> {
        let accounts = std::iter::once(&self.account).chain(self.trails.iter().filter_map(|t| t.account.as_ref()));
        if let Some(bad) = accounts.into_iter().find(|a| !arn::is_account_id(a)) {
            return Err(format!("account \"{bad}\" is not a 12-digit account id"));
        }
        let regions = std::iter::once(&self.region).chain(self.trails.iter().map(|t| &t.home_region));
        if let Some(bad) = regions.into_iter().find(|r| arn::partition_of_region(r).is_none()) {
            return Err(format!("\"{bad}\" is not a region name (e.g. us-east-1)"));
        }
        match (&self.partition, arn::partition_of_region(&self.region)) {
            (Some(p), Some(of_region)) if p != of_region => {
                return Err(format!("partition \"{p}\" does not match region {} (partition {of_region})", self.region))
            }
            _ => {}
        }
        self.trails.iter().try_for_each(check_stored)
    }

    pub fn partition(&self) -> &str {
        self.partition.as_deref().or_else(|| arn::partition_of_region(&self.region)).unwrap_or("aws")
    }

    /// The owner of `trail`.
    pub fn owner<'a>(&'a self, trail: &'a Trail) -> &'a str {
        trail.account.as_deref().unwrap_or(&self.account)
    }

    pub fn trail_arn(&self, trail: &Trail) -> String {
        let partition = arn::partition_of_region(&trail.home_region).unwrap_or(self.partition());
        arn::trail_arn(partition, &trail.home_region, self.owner(trail), &trail.name)
    }

    /// Records a successful call on the simulated trail, as CloudTrail stores it: the new
    /// selectors replace the old ones of either kind (spec §1.1). False when no trail of the
    /// context has that ARN.
    pub fn store(&mut self, response: &SelectorsResponse) -> bool {
        let arns: Vec<String> = self.trails.iter().map(|t| self.trail_arn(t)).collect();
        match arns.iter().position(|arn| *arn == response.trail_arn) {
            Some(i) => {
                self.trails[i].selectors = Some(response.selectors.clone());
                true
            }
            None => false,
        }
    }

    /// The context as pretty JSON, as the context panel and files show it.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default() + "\n"
    }

    /// The trail a bare selector list applies to.
    pub fn default_trail_name(&self) -> &str {
        self.trail_name
            .as_deref()
            .or_else(|| self.trails.iter().find(|t| self.owner(t) == self.account).map(|t| t.name.as_str()))
            .unwrap_or("my-trail")
    }
}

/// Stored selectors feed the matcher and the "before" view as if CloudTrail had accepted them,
/// so they must pass the validation a PutEventSelectors call would (review B7). The error
/// names the trail and the first problem of the first stage that fails.
fn check_stored(trail: &Trail) -> Result<(), String> {
    match trail.selectors.as_ref().and_then(stored_selectors_error) {
        None => Ok(()),
        Some(d) => Err(format!(
            "trail \"{}\": its stored selectors would be refused ({} at {}): {}",
            trail.name, d.code, d.pointer, d.message
        )),
    }
}

/// The error PutEventSelectors would first raise (in the order the checks run) on selectors
/// as a trail stores them, if any: stored selectors (a context's, the replay's "before") are
/// validated as a request's are before they feed the matcher.
pub fn stored_selectors_error(selectors: &Selectors) -> Option<Diagnostic> {
    // Serializing derived data cannot fail; if it ever did, `null` is refused below.
    let mut request = serde_json::to_value(selectors).unwrap_or_default();
    if let Some(members) = request.as_object_mut() {
        // A placeholder name: only the selectors are judged here, not the trail's name.
        members.insert("TrailName".into(), "stored-selectors".into());
    }
    let evaluation = put_event_selectors(&request.to_string(), None);
    evaluation.diagnostics.into_iter().filter(|d| d.is_error()).min_by_key(|d| d.code.stage())
}

/// The context the page starts with: the caller is its organization's management account
/// in us-east-1, with a few trails that show each lookup outcome. A data file, so the browser
/// tests read the same text.
pub const DEFAULT_CONTEXT_JSON: &str = include_str!("../../samples/contexts/default.json");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_context_reads() {
        let context = AccountContext::from_json(DEFAULT_CONTEXT_JSON).unwrap();
        // Without a usable context the request is judged in DEFAULT_REGION of DEFAULT_ACCOUNT,
        // and the page says so: the default context is that same account and region.
        assert_eq!((context.account.as_str(), context.region.as_str()), (DEFAULT_ACCOUNT, DEFAULT_REGION));
        assert_eq!(context.default_trail_name(), "management-events");
        assert_eq!(
            context.trail_arn(&context.trails[2]),
            "arn:aws:cloudtrail:eu-west-1:123456789012:trail/eu-data-events"
        );
    }

    #[test]
    fn a_stored_call_replaces_the_trails_selectors_and_round_trips() {
        use crate::request::model::{AdvancedEventSelector, AdvancedFieldSelector, Operator, Selectors};
        let mut context = AccountContext::from_json(DEFAULT_CONTEXT_JSON).unwrap();
        let mut category = AdvancedFieldSelector::new("eventCategory");
        category.set_values(Operator::Equals, vec!["Management".into()]);
        let selectors =
            Selectors::Advanced(vec![AdvancedEventSelector { name: None, field_selectors: vec![category] }]);
        let arn = context.trail_arn(&context.trails[0]);
        assert!(context.store(&SelectorsResponse { trail_arn: arn, selectors: selectors.clone() }));
        assert!(!context.store(&SelectorsResponse {
            trail_arn: "arn:aws:cloudtrail:us-east-1:123456789012:trail/none".into(),
            selectors: selectors.clone()
        }));
        let again = AccountContext::from_json(&context.to_json()).unwrap();
        assert_eq!(again.trails[0].selectors, Some(selectors));
        assert_eq!(again, context);
    }

    #[test]
    fn bad_contexts_say_why() {
        assert!(AccountContext::from_json(r#"{"account":"1","region":"us-east-1"}"#)
            .unwrap_err()
            .message
            .contains("12-digit"));
        assert!(AccountContext::from_json(r#"{"account":"123456789012","region":"mars"}"#).is_err());
        assert!(AccountContext::from_json(r#"{"account":"123456789012","region":"us-east-1","partition":"aws-cn"}"#)
            .is_err());
        let unknown =
            AccountContext::from_json(r#"{"account":"123456789012","region":"us-east-1","bogus":1}"#).unwrap_err();
        assert!(unknown.message.contains("bogus") && unknown.line == 1);
    }

    fn with_stored(selectors: &str) -> Result<AccountContext, ContextError> {
        AccountContext::from_json(&format!(
            r#"{{"account": "123456789012", "region": "us-east-1",
                "trails": [{{"name": "audit", "homeRegion": "us-east-1", "selectors": {selectors}}}]}}"#
        ))
    }

    /// Applying an accepted call to the context must leave a context that still reads.
    #[test]
    fn every_accepted_sample_can_be_stored_and_read_again() {
        use crate::check::service::{put_event_selectors, Outcome};
        for sample in crate::samples::all() {
            let mut context = AccountContext::from_json(sample.context_json()).unwrap();
            if let Outcome::Response(response) = put_event_selectors(sample.request, Some(&context)).outcome {
                assert!(context.store(&response), "{}", sample.id);
                AccountContext::from_json(&context.to_json()).unwrap_or_else(|e| panic!("{}: {e:?}", sample.id));
            }
        }
    }

    #[test]
    fn stored_selectors_are_validated() {
        assert!(with_stored(r#"{"EventSelectors": [{"ReadWriteType": "WriteOnly"}]}"#).is_ok());
        let six = [r#"{"ReadWriteType": "All"}"#; 6].join(",");
        let error = with_stored(&format!(r#"{{"EventSelectors": [{six}]}}"#)).unwrap_err();
        assert!(error.message.starts_with("trail \"audit\""), "{}", error.message);
        assert!(error.message.contains("InvalidEventSelectorsException"), "{}", error.message);
        let bucket = r#"{"EventSelectors": [{"DataResources": [{"Type": "AWS::S3::Object", "Values": ["arn:aws:s3:::data-bucket"]}]}]}"#;
        let error = with_stored(bucket).unwrap_err();
        assert!(error.message.contains("/EventSelectors/0/DataResources/0/Values/0"), "{}", error.message);
        let empty = with_stored(r#"{"AdvancedEventSelectors": [{"FieldSelectors": []}]}"#).unwrap_err();
        assert!(empty.message.contains("ParamValidationError"), "{}", empty.message);
    }

    #[test]
    fn stored_selectors_are_judged_as_a_request_would_be() {
        let error =
            |text: &str| stored_selectors_error(&serde_json::from_str(text).unwrap()).map(|d| (d.code, d.pointer));
        assert_eq!(error(r#"{"EventSelectors": [{"ReadWriteType": "WriteOnly"}]}"#), None);
        let six = format!(r#"{{"EventSelectors": [{}]}}"#, ["{}"; 6].join(", "));
        for (stored, pointer) in [
            (six.as_str(), "/EventSelectors/5"),
            (
                r#"{"EventSelectors": [{"DataResources": [{"Type": "AWS::S3::Object", "Values": ["arn:aws:s3:::b"]}]}]}"#,
                "/EventSelectors/0/DataResources/0/Values/0",
            ),
            (
                r#"{"AdvancedEventSelectors": [{"FieldSelectors": [{"Field": "readOnly", "Equals": ["true"]}]}]}"#,
                "/AdvancedEventSelectors/0",
            ),
        ] {
            let (code, at) = error(stored).unwrap_or_else(|| panic!("{stored} was accepted"));
            assert_eq!(at, pointer, "{stored}: {code}");
        }
    }
}
