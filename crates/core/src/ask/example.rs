//! An example event: the solver's atoms made into a complete CloudTrail record, with values a
//! reader recognises wherever one tests the same (so the verdict cannot change), then judged
//! again by the replay matcher, whose explanation names the deciding selector and condition.

use super::solve::{Event, Solver};
use super::space::{Atom, Dim};
use super::trail::TrailFacts;
use super::AskError;
use crate::model::Selectors;
use crate::replay::{explain::explain, EventRecord, Matcher, SelectorOutcome};
use serde::Serialize;
use serde_json::{json, Map, Value};

/// An event of the class, logged or not, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Example {
    /// A complete CloudTrail record.
    #[cfg_attr(feature = "ts", ts(type = "Record<string, unknown>"))]
    pub record: Value,
    pub logged: bool,
    /// For each selector: matched, or the condition that failed (as the replay explains).
    pub deciding: Vec<SelectorOutcome>,
    /// The trail's own state refuses the event whatever the selectors say (decisions D33).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trail: Option<String>,
}

/// The example for `event`, checked: the replay matcher must give it the verdict the solver
/// found, or the answer is refused as an internal error rather than shown wrong.
pub(crate) fn example(
    solver: &Solver,
    event: Event,
    logged: bool,
    selectors: &Selectors,
    trail: &TrailFacts,
) -> Result<Example, AskError> {
    judged(record(solver, event, trail), logged, selectors, trail)
}

/// The record for `event`, with familiar values wherever they test the same.
pub(crate) fn record(solver: &Solver, mut event: Event, trail: &TrailFacts) -> Value {
    polish(solver, &mut event);
    render(&event, trail)
}

/// `record` judged by the replay matcher and the trail's state, which must say `logged`.
pub(crate) fn judged(
    record: Value,
    logged: bool,
    selectors: &Selectors,
    trail: &TrailFacts,
) -> Result<Example, AskError> {
    let text = record.to_string();
    let parsed: EventRecord<'_> =
        serde_json::from_str(&text).map_err(|e| AskError::Internal(format!("example record unreadable: {e}")))?;
    let explanation = explain(selectors, &Matcher::new(selectors), &parsed);
    let refusal = trail.refuses(record.get("awsRegion").and_then(Value::as_str));
    let replayed = explanation.logged && refusal.is_none();
    if replayed != logged {
        return Err(AskError::Internal(format!(
            "the replay judges the example {} where the solver found it {}: {text}",
            verdict(replayed),
            verdict(logged)
        )));
    }
    Ok(Example { record, logged, deciding: explanation.selectors, trail: refusal })
}

fn verdict(logged: bool) -> &'static str {
    if logged {
        "logged"
    } else {
        "not logged"
    }
}

fn text(event: &Event, dim: Dim) -> Option<&str> {
    match &event[dim_index(dim)] {
        Atom::Text(t) => Some(t),
        Atom::Absent | Atom::Resource(..) => None,
    }
}

fn dim_index(dim: Dim) -> usize {
    Dim::ALL.iter().position(|d| *d == dim).unwrap_or(0)
}

/// Replaces each atom by the first familiar value that tests the same, dimension by
/// dimension, the category and resource first (the others' familiar values depend on them).
fn polish(solver: &Solver, event: &mut Event) {
    const ORDER: [Dim; 11] = [
        Dim::Category,
        Dim::ReadOnly,
        Dim::Resource,
        Dim::Source,
        Dim::Name,
        Dim::EventType,
        Dim::Region,
        Dim::UserArn,
        Dim::Console,
        Dim::ErrorCode,
        Dim::Vpce,
    ];
    for dim in ORDER {
        let d = dim_index(dim);
        let current = event[d].clone();
        if let Some(better) = familiar(dim, event).into_iter().find(|c| solver.same_tests(d, &current, c)) {
            event[d] = better;
        }
    }
}

/// Values a reader recognises for `dim`, given the rest of the event.
fn familiar(dim: Dim, event: &Event) -> Vec<Atom> {
    let category = text(event, Dim::Category).unwrap_or("Management");
    let read = text(event, Dim::ReadOnly) == Some("true");
    let resource_type = match &event[dim_index(Dim::Resource)] {
        Atom::Resource(t, _) => Some(t.as_str()),
        Atom::Absent | Atom::Text(_) => None,
    };
    let texts = |values: &[&str]| values.iter().map(|v| Atom::Text(v.to_string())).collect::<Vec<_>>();
    let mut out = match dim {
        Dim::Source => {
            let mut sources: Vec<String> = resource_type.and_then(service_host).into_iter().collect();
            sources.extend(["ec2.amazonaws.com", "s3.amazonaws.com", "kms.amazonaws.com"].map(String::from));
            sources.into_iter().map(Atom::Text).collect()
        }
        Dim::Name => texts(names(category, resource_type, read)),
        Dim::EventType if category == "NetworkActivity" => texts(&["AwsVpceEvent", "AwsApiCall"]),
        Dim::EventType => texts(&["AwsApiCall", "AwsServiceEvent", "AwsConsoleAction"]),
        Dim::Region => texts(&["us-east-1", "eu-west-1", "us-west-2"]),
        Dim::UserArn => {
            texts(&["arn:aws:iam::123456789012:user/alice", "arn:aws:sts::123456789012:assumed-role/Admin/alice"])
        }
        Dim::ErrorCode if category == "NetworkActivity" => vec![Atom::Absent, Atom::Text("VpceAccessDenied".into())],
        Dim::ErrorCode | Dim::Vpce | Dim::Console => vec![Atom::Absent],
        Dim::Resource if category == "Management" => vec![Atom::Absent],
        Dim::Resource => resources(&event[dim_index(Dim::Resource)]),
        Dim::Category | Dim::ReadOnly => Vec::new(),
    };
    out.extend(readable(&event[dim_index(dim)]));
    out
}

fn names(category: &str, resource_type: Option<&str>, read: bool) -> &'static [&'static str] {
    match (category, resource_type, read) {
        ("Data", Some("AWS::S3::Object"), true) => &["GetObject", "HeadObject"],
        ("Data", Some("AWS::S3::Object"), false) => &["PutObject", "DeleteObject"],
        ("Data", Some("AWS::Lambda::Function"), _) => &["Invoke"],
        ("Data", Some("AWS::DynamoDB::Table"), true) => &["GetItem", "Query"],
        ("Data", Some("AWS::DynamoDB::Table"), false) => &["PutItem", "DeleteItem"],
        ("NetworkActivity", _, _) => &["GetObject", "Decrypt", "PutObject"],
        (_, _, true) => &["DescribeInstances", "GetObject", "Decrypt", "ListBuckets"],
        (_, _, false) => &["RunInstances", "PutObject", "CreateBucket", "DeleteObject"],
    }
}

/// `AWS::S3::Object` -> `s3.amazonaws.com`: the usual event source of a resource type.
fn service_host(resource_type: &str) -> Option<String> {
    let service = resource_type.strip_prefix("AWS::")?.split("::").next()?;
    Some(format!("{}.amazonaws.com", service.to_ascii_lowercase()))
}

/// Familiar resources: the current type with a typical ARN, then the basic types.
fn resources(current: &Atom) -> Vec<Atom> {
    let typical = |t: &str| match t {
        "AWS::S3::Object" => "arn:aws:s3:::amzn-s3-demo-bucket/example.txt",
        "AWS::Lambda::Function" => "arn:aws:lambda:us-east-1:123456789012:function:example",
        "AWS::DynamoDB::Table" => "arn:aws:dynamodb:us-east-1:123456789012:table/example",
        _ => "arn:aws:example:us-east-1:123456789012:resource/example",
    };
    let mut out = Vec::new();
    if let Atom::Resource(t, a) = current {
        out.push(Atom::Resource(t.clone(), typical(t).to_string()));
        out.extend(readable_text(a).into_iter().map(|a| Atom::Resource(t.clone(), a)));
    }
    for t in crate::catalog::BASIC_RESOURCE_TYPES {
        out.push(Atom::Resource(t.to_string(), typical(t).to_string()));
    }
    out
}

/// The atom with its made-up character (see `space`) replaced by readable text.
fn readable(atom: &Atom) -> Vec<Atom> {
    match atom {
        Atom::Text(t) => readable_text(t).into_iter().map(Atom::Text).collect(),
        Atom::Resource(t, a) => readable_text(a).into_iter().map(|a| Atom::Resource(t.clone(), a)).collect(),
        Atom::Absent => Vec::new(),
    }
}

fn readable_text(text: &str) -> Vec<String> {
    let made_up = |c: &char| "~^|`#%@!".contains(*c) || ('\u{E000}'..='\u{F8FF}').contains(c);
    let mut chars: Vec<char> = text.chars().filter(made_up).collect();
    chars.dedup();
    chars.iter().flat_map(|c| ["example", "example/object.txt", "x", "0"].map(|r| text.replace(*c, r))).collect()
}

/// The record: the fields selectors read, and the usual envelope around them.
fn render(event: &Event, trail: &TrailFacts) -> Value {
    let get = |dim| text(event, dim).map(str::to_string);
    let category = get(Dim::Category).unwrap_or_default();
    let mut identity = Map::new();
    match get(Dim::UserArn) {
        Some(arn) => {
            identity.insert("type".into(), json!("IAMUser"));
            identity.insert("arn".into(), json!(arn));
        }
        None => {
            identity.insert("type".into(), json!("AWSService"));
            identity.insert("invokedBy".into(), json!("cloudtrail.amazonaws.com"));
        }
    }
    let mut record = Map::new();
    record.insert("eventVersion".into(), json!("1.11"));
    record.insert("userIdentity".into(), Value::Object(identity));
    record.insert("eventTime".into(), json!("2026-11-30T12:00:00Z"));
    record.insert("eventSource".into(), json!(get(Dim::Source)));
    record.insert("eventName".into(), json!(get(Dim::Name)));
    record.insert("awsRegion".into(), json!(get(Dim::Region)));
    record.insert("sourceIPAddress".into(), json!("198.51.100.7"));
    if let Some(code) = get(Dim::ErrorCode) {
        record.insert("errorCode".into(), json!(code));
    }
    record.insert("eventID".into(), json!("00000000-0000-4000-8000-000000000000"));
    if let Some(read_only) = get(Dim::ReadOnly) {
        record.insert("readOnly".into(), json!(read_only == "true"));
    }
    if let Atom::Resource(t, a) = &event[dim_index(Dim::Resource)] {
        record.insert("resources".into(), json!([{"accountId": trail.account, "type": t, "ARN": a}]));
    }
    record.insert("eventType".into(), json!(get(Dim::EventType)));
    record.insert("managementEvent".into(), json!(category == "Management"));
    record.insert("recipientAccountId".into(), json!(trail.account));
    if let Some(vpce) = get(Dim::Vpce) {
        record.insert("vpcEndpointId".into(), json!(vpce));
    }
    record.insert("eventCategory".into(), json!(category));
    if let Some(console) = get(Dim::Console) {
        record.insert("sessionCredentialFromConsole".into(), json!(console));
    }
    Value::Object(record)
}
