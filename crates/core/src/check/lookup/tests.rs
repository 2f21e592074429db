//! Which exception wins when two simulated conditions hold at once (review §3.3): the one
//! checked first, in the order of `SIMULATED`.

use super::*;
use crate::check::context::Organization;
use crate::source::span::Span;

#[derive(Debug, Clone, Copy, PartialEq)]
enum Condition {
    Throttle,
    UnsupportedRegion,
    NotFound,
    HomeRegion,
    ServiceLinked,
    NotAdmin,
    NoSlr,
    NoDependencyAccess,
    Updating,
}
use Condition::*;

impl Condition {
    /// In the order of `SIMULATED` (`condition as usize` indexes it); one line, as a table.
    #[rustfmt::skip]
    const ALL: [Condition; 9] = [Throttle, UnsupportedRegion, NotFound, HomeRegion, ServiceLinked, NotAdmin, NoSlr, NoDependencyAccess, Updating];

    fn simulation(self) -> Simulation {
        SIMULATED[self as usize]
    }

    /// Makes the condition hold in `context` (whose only trail is an organization trail, so the
    /// organization's checks apply); the name to look up.
    fn apply(self, context: &mut AccountContext, name: &mut String) {
        let trail = &mut context.trails[0];
        let org = context.organization.as_mut().unwrap();
        match self {
            Throttle => context.throttle = true,
            UnsupportedRegion => context.unsupported_regions.push(context.region.clone()),
            NotFound => *name = "missing".into(),
            HomeRegion => trail.home_region = "eu-west-1".into(),
            ServiceLinked => trail.service_linked = true,
            NotAdmin => org.management_account = "111122223333".into(),
            NoSlr => org.service_linked_role = false,
            NoDependencyAccess => org.dependency_access = false,
            Updating => trail.status = TrailStatus::Updating,
        }
    }
}

fn context() -> AccountContext {
    AccountContext {
        account: "123456789012".into(),
        region: "us-east-1".into(),
        partition: None,
        organization: Some(Organization {
            management_account: "123456789012".into(),
            delegated_administrators: vec![],
            service_linked_role: true,
            dependency_access: true,
        }),
        trails: vec![Trail {
            name: "org-audit".into(),
            home_region: "us-east-1".into(),
            account: None,
            is_organization_trail: true,
            status: TrailStatus::Ok,
            is_logging: true,
            is_multi_region_trail: true,
            service_linked: false,
            selectors: None,
        }],
        throttle: false,
        unsupported_regions: vec![],
        trail_name: None,
    }
}

/// The code and decision `find` answers with when `conditions` hold; `None` if it finds the trail.
fn outcome(conditions: &[Condition]) -> Option<(Code, Option<&'static str>)> {
    let (mut context, mut name) = (context(), "org-audit".to_string());
    for condition in conditions {
        condition.apply(&mut context, &mut name);
    }
    let name = LocatedString { value: name, pointer: "/TrailName".into(), span: Span { start: 0, end: 0 } };
    find(&context, &name).err().map(|d| (d.code, d.basis.decision))
}

#[test]
fn without_conditions_the_trail_is_found() {
    assert_eq!(outcome(&[]), None);
}

#[test]
fn each_condition_alone_raises_its_simulated_exception() {
    assert_eq!(Condition::ALL.len(), SIMULATED.len());
    for condition in Condition::ALL {
        let simulation = condition.simulation();
        assert_eq!(outcome(&[condition]), Some((simulation.code, Some(simulation.decision))), "{condition:?}");
    }
}

/// (holds, also holds): the first is reported. Not found excludes the trail's own conditions.
const PAIRS: &[(Condition, Condition)] = &[
    (Throttle, UnsupportedRegion),
    (Throttle, NotFound),
    (Throttle, HomeRegion),
    (Throttle, ServiceLinked),
    (Throttle, NotAdmin),
    (Throttle, NoSlr),
    (Throttle, NoDependencyAccess),
    (Throttle, Updating),
    (UnsupportedRegion, NotFound),
    (UnsupportedRegion, HomeRegion),
    (UnsupportedRegion, ServiceLinked),
    (UnsupportedRegion, NotAdmin),
    (UnsupportedRegion, NoSlr),
    (UnsupportedRegion, NoDependencyAccess),
    (UnsupportedRegion, Updating),
    (HomeRegion, ServiceLinked),
    (HomeRegion, NotAdmin),
    (HomeRegion, NoSlr),
    (HomeRegion, NoDependencyAccess),
    (HomeRegion, Updating),
    (ServiceLinked, NotAdmin),
    (ServiceLinked, NoSlr),
    (ServiceLinked, NoDependencyAccess),
    (ServiceLinked, Updating),
    (NotAdmin, NoSlr),
    (NotAdmin, NoDependencyAccess),
    (NotAdmin, Updating),
    (NoSlr, NoDependencyAccess),
    (NoSlr, Updating),
    (NoDependencyAccess, Updating),
];

#[test]
fn the_earlier_check_wins_when_two_conditions_hold() {
    for &(first, second) in PAIRS {
        let expected = Some(first.simulation().code);
        assert_eq!(outcome(&[first, second]).map(|o| o.0), expected, "{first:?} + {second:?}");
        assert_eq!(outcome(&[second, first]).map(|o| o.0), expected, "{second:?} + {first:?}");
    }
}

#[test]
fn simulated_lists_each_exception_once() {
    for (i, s) in SIMULATED.iter().enumerate() {
        assert!(SIMULATED[i + 1..].iter().all(|o| o.code != s.code), "{:?}", s.code);
    }
}
