//! The fields of a CloudTrail record that selectors read (spec §7.1), borrowed from the
//! record's JSON where possible; every other field is skipped without being stored.

pub use crate::catalog::Category;
use crate::catalog::Field;
use serde::Deserialize;
use std::borrow::Cow;

/// A record field that is a boolean in records but a string in selectors (`readOnly`,
/// `sessionCredentialFromConsole`); spec §5.2 item 2, decisions D24.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum Flag<'a> {
    Bool(bool),
    #[serde(borrow)]
    Text(Cow<'a, str>),
}

fn owned(text: Option<Cow<'_, str>>) -> Option<Cow<'static, str>> {
    text.map(|t| Cow::Owned(t.into_owned()))
}

impl Flag<'_> {
    pub fn into_owned(self) -> Flag<'static> {
        match self {
            Flag::Bool(b) => Flag::Bool(b),
            Flag::Text(t) => Flag::Text(Cow::Owned(t.into_owned())),
        }
    }

    /// The string form selectors compare against: "true" / "false" (D24).
    pub fn as_str(&self) -> &str {
        match self {
            Flag::Bool(true) => "true",
            Flag::Bool(false) => "false",
            Flag::Text(t) => t,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Default)]
pub struct UserIdentity<'a> {
    #[serde(borrow, default)]
    pub arn: Option<Cow<'a, str>>,
}

/// One entry of `resources[]`: `{ARN | ARNPrefix, accountId, type}` (spec §7.1, S14).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Resource<'a> {
    #[serde(borrow, default, rename = "ARN")]
    pub arn: Option<Cow<'a, str>>,
    /// `arn` as some exports spell it (decisions D31).
    #[serde(borrow, default, rename = "arn")]
    pub arn_lowercase: Option<Cow<'a, str>>,
    #[serde(borrow, default, rename = "ARNPrefix")]
    pub arn_prefix: Option<Cow<'a, str>>,
    #[serde(borrow, default, rename = "type")]
    pub resource_type: Option<Cow<'a, str>>,
}

impl Resource<'_> {
    pub fn into_owned(self) -> Resource<'static> {
        Resource {
            arn: owned(self.arn),
            arn_lowercase: owned(self.arn_lowercase),
            arn_prefix: owned(self.arn_prefix),
            resource_type: owned(self.resource_type),
        }
    }

    /// `ARN`; else `arn` (decisions D31); else `ARNPrefix` (decisions D25).
    pub fn arn(&self) -> Option<&str> {
        self.arn.as_deref().or(self.arn_lowercase.as_deref()).or(self.arn_prefix.as_deref())
    }
}

/// A CloudTrail event record, as far as selectors are concerned.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct EventRecord<'a> {
    #[serde(borrow, default, rename = "eventID")]
    pub event_id: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub event_source: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub event_name: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub event_type: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub event_category: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub error_code: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub vpc_endpoint_id: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub read_only: Option<Flag<'a>>,
    #[serde(borrow, default)]
    pub session_credential_from_console: Option<Flag<'a>>,
    /// Read only when `eventCategory` is missing (D26); a string as D24 reads `readOnly`
    /// (decisions D30).
    #[serde(borrow, default)]
    pub management_event: Option<Flag<'a>>,
    #[serde(borrow, default)]
    pub user_identity: Option<UserIdentity<'a>>,
    #[serde(borrow, default)]
    pub resources: Option<Vec<Resource<'a>>>,
    /// The payload member of an S3 event notification; no CloudTrail record has it (D32).
    #[serde(default)]
    pub s3: Option<Present>,
    /// The payload member of a DynamoDB stream record; no CloudTrail record has it (D32).
    #[serde(default)]
    pub dynamodb: Option<Present>,
}

/// A member whose presence is all that is read: its value (not null) is skipped unread.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Present;

impl<'de> Deserialize<'de> for Present {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        serde::de::IgnoredAny::deserialize(deserializer).map(|_| Present)
    }
}

impl EventRecord<'_> {
    /// The same record, owning its strings (for one decoded from a temporary, e.g. the
    /// `CloudTrailEvent` string of lookup-events output).
    pub fn into_owned(self) -> EventRecord<'static> {
        EventRecord {
            event_id: owned(self.event_id),
            event_source: owned(self.event_source),
            event_name: owned(self.event_name),
            event_type: owned(self.event_type),
            event_category: owned(self.event_category),
            error_code: owned(self.error_code),
            vpc_endpoint_id: owned(self.vpc_endpoint_id),
            read_only: self.read_only.map(Flag::into_owned),
            session_credential_from_console: self.session_credential_from_console.map(Flag::into_owned),
            management_event: self.management_event.map(Flag::into_owned),
            user_identity: self.user_identity.map(|u| UserIdentity { arn: owned(u.arn) }),
            resources: self.resources.map(|list| list.into_iter().map(Resource::into_owned).collect()),
            s3: self.s3,
            dynamodb: self.dynamodb,
        }
    }

    /// `eventCategory` when present; else `managementEvent` true (or "true", D30) is Management; else a record
    /// with resources of a known data type is Data; else Management (decisions D26).
    pub fn category(&self) -> Category {
        match self.event_category.as_deref() {
            Some(text) => Category::of_record(text),
            None if self.management_event.as_ref().is_some_and(|f| f.as_str() == "true") => Category::Management,
            None if self
                .resources()
                .iter()
                .any(|r| r.resource_type.as_deref().is_some_and(crate::catalog::is_resource_type)) =>
            {
                Category::Data
            }
            None => Category::Management,
        }
    }

    /// Why D26 gave the category, in words, when the record has no eventCategory.
    pub fn category_derivation(&self) -> Option<&'static str> {
        if !self.category_is_derived() {
            return None;
        }
        Some(match self.category() {
            Category::Management if self.management_event.as_ref().is_some_and(|f| f.as_str() == "true") => {
                "no eventCategory, managementEvent true"
            }
            Category::Data => "no eventCategory, a resource of a data type",
            Category::Management | Category::NetworkActivity | Category::Insight | Category::Other => {
                "no eventCategory"
            }
        })
    }

    /// True when the category was derived rather than read (the verdict rests on D26).
    pub fn category_is_derived(&self) -> bool {
        self.event_category.is_none()
    }

    /// Why this is not a CloudTrail record, when its shape says it is another AWS event
    /// (decisions D32): an `eventSource` in the `aws:<service>` notation of event notifications
    /// and stream records (CloudTrail's is a host name, `<service>.amazonaws.com`), or the `s3`
    /// or `dynamodb` payload member of an S3 event notification or a DynamoDB stream record.
    pub fn foreign_kind(&self) -> Option<String> {
        if let Some(source) = self.event_source.as_deref().filter(|s| s.starts_with("aws:")) {
            return Some(format!("its eventSource \"{source}\" is an event notification or stream record source"));
        }
        let member = if self.s3.is_some() { "s3" } else { self.dynamodb.map(|_| "dynamodb")? };
        Some(format!("it has the \"{member}\" member of an S3 event notification or DynamoDB stream record"))
    }

    pub fn resources(&self) -> &[Resource<'_>] {
        self.resources.as_deref().unwrap_or(&[])
    }

    /// A single-valued field by its selector name (`resources.*` are multi-valued: see
    /// `resources`). None when the record lacks it (decisions D23).
    /// The record's value of a field read once per record; `None` for a field it lacks and for
    /// the per-resource fields (read through [`EventRecord::resources`]).
    pub fn field(&self, field: Field) -> Option<&str> {
        match field {
            Field::EventSource => self.event_source.as_deref(),
            Field::EventName => self.event_name.as_deref(),
            Field::EventType => self.event_type.as_deref(),
            Field::ErrorCode => self.error_code.as_deref(),
            Field::VpcEndpointId => self.vpc_endpoint_id.as_deref(),
            Field::ReadOnly => self.read_only.as_ref().map(Flag::as_str),
            Field::SessionCredentialFromConsole => self.session_credential_from_console.as_ref().map(Flag::as_str),
            Field::UserIdentityArn => self.user_identity.as_ref().and_then(|u| u.arn.as_deref()),
            Field::EventCategory => Some(self.category().as_str()),
            Field::ResourcesType | Field::ResourcesArn => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_only_what_selectors_need() {
        let json = r#"{"eventVersion":"1.11","eventSource":"s3.amazonaws.com","eventName":"PutObject","readOnly":false,
            "eventCategory":"Data","requestParameters":{"big":[1,2,3]},"userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::1:user/a"},
            "resources":[{"type":"AWS::S3::Object","ARN":"arn:aws:s3:::b/k"},{"type":"AWS::S3Express::Object","ARNPrefix":"arn:aws:s3express:x"},
            {"type":"AWS::Lambda::Function","arn":"arn:aws:lambda:us-east-1:1:function:f","ARNPrefix":"p"}]}"#;
        let record: EventRecord = serde_json::from_str(json).unwrap();
        assert_eq!(record.field(Field::ReadOnly), Some("false"));
        assert_eq!(record.field(Field::UserIdentityArn), Some("arn:aws:iam::1:user/a"));
        assert_eq!(record.resources()[1].arn(), Some("arn:aws:s3express:x"));
        assert_eq!(record.resources()[2].arn(), Some("arn:aws:lambda:us-east-1:1:function:f"));
        assert_eq!(record.category(), Category::Data);
        assert_eq!(record.field(Field::ErrorCode), None);
    }

    #[test]
    fn category_is_derived_when_absent() {
        let management: EventRecord = serde_json::from_str(r#"{"managementEvent":true}"#).unwrap();
        assert_eq!(management.category(), Category::Management);
        let data: EventRecord =
            serde_json::from_str(r#"{"resources":[{"type":"AWS::Lambda::Function","ARN":"x"}]}"#).unwrap();
        assert_eq!(data.category(), Category::Data);
        let old: EventRecord = serde_json::from_str(r#"{"eventName":"DescribeTrails"}"#).unwrap();
        assert_eq!(old.category(), Category::Management);
        assert!(old.category_is_derived());
        let insight: EventRecord = serde_json::from_str(r#"{"eventCategory":"Insight"}"#).unwrap();
        assert_eq!(insight.category(), Category::Insight);
    }
}
