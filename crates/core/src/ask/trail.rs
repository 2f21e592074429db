//! What the trail's own state adds to its selectors (decisions D33): a trail that is not
//! logging logs nothing; a single-Region trail logs only its home Region's events.

use crate::check::context::{AccountContext, Trail, DEFAULT_ACCOUNT, DEFAULT_REGION};
use serde::Serialize;

/// The trail a question is asked of, as far as the answer depends on it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct TrailFacts {
    pub name: Option<String>,
    pub account: String,
    pub home_region: String,
    pub is_logging: bool,
    pub is_multi_region_trail: bool,
    /// An organization trail also logs its member accounts' events; no question key names an
    /// account, so it changes no answer (decisions D33).
    pub is_organization_trail: bool,
    /// No context described the trail: it is taken as logging and multi-Region, so the answer
    /// is about the selectors alone.
    pub assumed: bool,
}

impl TrailFacts {
    /// The selectors alone: a logging, multi-Region trail.
    pub fn assumed() -> TrailFacts {
        TrailFacts {
            name: None,
            account: DEFAULT_ACCOUNT.into(),
            home_region: DEFAULT_REGION.into(),
            is_logging: true,
            is_multi_region_trail: true,
            is_organization_trail: false,
            assumed: true,
        }
    }

    pub fn of(context: &AccountContext, trail: &Trail) -> TrailFacts {
        TrailFacts {
            name: Some(trail.name.clone()),
            account: context.owner(trail).to_string(),
            home_region: trail.home_region.clone(),
            is_logging: trail.is_logging,
            is_multi_region_trail: trail.is_multi_region_trail,
            is_organization_trail: trail.is_organization_trail,
            assumed: false,
        }
    }

    /// The context's trail with this ARN, else the assumed trail.
    pub fn find(context: Option<&AccountContext>, trail_arn: &str) -> TrailFacts {
        context
            .and_then(|c| c.trails.iter().find(|t| c.trail_arn(t) == trail_arn).map(|t| TrailFacts::of(c, t)))
            .unwrap_or_else(TrailFacts::assumed)
    }

    /// Why the trail does not log an event of `region` whatever its selectors say (D33).
    pub fn refuses(&self, region: Option<&str>) -> Option<String> {
        if !self.is_logging {
            return Some("the trail is not logging (IsLogging false): it delivers no events".into());
        }
        match region {
            Some(r) if !self.is_multi_region_trail && r != self.home_region => {
                Some(format!("the trail is single-Region ({}): it does not log events from {r}", self.home_region))
            }
            _ => None,
        }
    }
}
