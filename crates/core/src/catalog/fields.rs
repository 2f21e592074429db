//! The fields advanced event selectors name (spec §4.1), once: their names and how a record
//! holds them. Which category allows which field, operators and values is the rules' table
//! (`rules/fields.rs`); the matcher and the explanations read records through [`Field`].

/// A field an advanced selector can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    EventCategory,
    ReadOnly,
    EventSource,
    EventName,
    EventType,
    ResourcesType,
    ResourcesArn,
    SessionCredentialFromConsole,
    UserIdentityArn,
    ErrorCode,
    VpcEndpointId,
}

impl Field {
    /// Every field, in the documentation's order (spec §4.1).
    pub const ALL: [Field; 11] = [
        Field::EventCategory,
        Field::ReadOnly,
        Field::EventSource,
        Field::EventName,
        Field::EventType,
        Field::ResourcesType,
        Field::ResourcesArn,
        Field::SessionCredentialFromConsole,
        Field::UserIdentityArn,
        Field::ErrorCode,
        Field::VpcEndpointId,
    ];

    /// The name as selectors spell it.
    pub const fn name(self) -> &'static str {
        match self {
            Field::EventCategory => "eventCategory",
            Field::ReadOnly => "readOnly",
            Field::EventSource => "eventSource",
            Field::EventName => "eventName",
            Field::EventType => "eventType",
            Field::ResourcesType => "resources.type",
            Field::ResourcesArn => "resources.ARN",
            Field::SessionCredentialFromConsole => "sessionCredentialFromConsole",
            Field::UserIdentityArn => "userIdentity.arn",
            Field::ErrorCode => "errorCode",
            Field::VpcEndpointId => "vpcEndpointId",
        }
    }

    /// The field named `name` (case-sensitive, as CloudTrail compares).
    pub fn parse(name: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.name() == name)
    }

    /// Read once per entry of the record's `resources[]` rather than once per record (D25).
    pub fn per_resource(self) -> bool {
        match self {
            Field::ResourcesType | Field::ResourcesArn => true,
            Field::EventCategory
            | Field::ReadOnly
            | Field::EventSource
            | Field::EventName
            | Field::EventType
            | Field::SessionCredentialFromConsole
            | Field::UserIdentityArn
            | Field::ErrorCode
            | Field::VpcEndpointId => false,
        }
    }
}

impl std::fmt::Display for Field {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_parse_back_and_are_case_sensitive() {
        for f in Field::ALL {
            assert_eq!(Field::parse(f.name()), Some(f));
        }
        assert_eq!(Field::parse("eventname"), None);
        assert_eq!(Field::parse("resources.arn"), None);
    }
}
