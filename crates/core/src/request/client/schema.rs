//! The request shapes of the CloudTrail service model (botocore 1.44.8
//! `cloudtrail/2013-11-01/service-2.json`, spec §1.1–§1.4), reduced to what botocore's
//! validator reads: members in model order, required members, and `min` constraints.

/// A shape as botocore validates it.
#[derive(Debug)]
pub enum Shape {
    Structure(&'static Structure),
    /// A list with its member shape and `min` item count.
    List(&'static Shape, usize),
    /// A string with its `min` length.
    String(usize),
    Boolean,
}

#[derive(Debug)]
pub struct Structure {
    pub members: &'static [(&'static str, Shape)],
    pub required: &'static [&'static str],
}

impl Structure {
    pub fn member(&self, name: &str) -> Option<&'static Shape> {
        self.members.iter().find(|(n, _)| *n == name).map(|(_, s)| s)
    }
}

const STRING: Shape = Shape::String(0);
const STRING_LIST: Shape = Shape::List(&STRING, 0);
/// `Operator`: list, min 1, of `OperatorValue`: string, min 1 (spec §1.4).
const OPERATOR: Shape = Shape::List(&Shape::String(1), 1);

/// `PutEventSelectorsRequest` (spec §1.1).
pub static PUT_EVENT_SELECTORS_REQUEST: Structure = Structure {
    members: &[
        ("TrailName", STRING),
        ("EventSelectors", Shape::List(&Shape::Structure(&EVENT_SELECTOR), 0)),
        ("AdvancedEventSelectors", Shape::List(&Shape::Structure(&ADVANCED_EVENT_SELECTOR), 0)),
    ],
    required: &["TrailName"],
};

/// `GetEventSelectorsResponse` (spec §1.5), read as a request for the trail it names.
pub static GET_EVENT_SELECTORS_OUTPUT: Structure = Structure {
    members: &[
        ("TrailARN", STRING),
        ("EventSelectors", Shape::List(&Shape::Structure(&EVENT_SELECTOR), 0)),
        ("AdvancedEventSelectors", Shape::List(&Shape::Structure(&ADVANCED_EVENT_SELECTOR), 0)),
    ],
    required: &["TrailARN"],
};

/// `EventSelector` (spec §1.2).
pub static EVENT_SELECTOR: Structure = Structure {
    members: &[
        ("ReadWriteType", STRING),
        ("IncludeManagementEvents", Shape::Boolean),
        ("DataResources", Shape::List(&Shape::Structure(&DATA_RESOURCE), 0)),
        ("ExcludeManagementEventSources", STRING_LIST),
    ],
    required: &[],
};

/// `DataResource` (spec §1.3).
static DATA_RESOURCE: Structure = Structure { members: &[("Type", STRING), ("Values", STRING_LIST)], required: &[] };

/// `AdvancedEventSelector` (spec §1.4).
pub static ADVANCED_EVENT_SELECTOR: Structure = Structure {
    members: &[("Name", STRING), ("FieldSelectors", Shape::List(&Shape::Structure(&ADVANCED_FIELD_SELECTOR), 1))],
    required: &["FieldSelectors"],
};

/// `AdvancedFieldSelector` (spec §1.4).
static ADVANCED_FIELD_SELECTOR: Structure = Structure {
    members: &[
        ("Field", Shape::String(1)),
        ("Equals", OPERATOR),
        ("StartsWith", OPERATOR),
        ("EndsWith", OPERATOR),
        ("NotEquals", OPERATOR),
        ("NotStartsWith", OPERATOR),
        ("NotEndsWith", OPERATOR),
    ],
    required: &["Field"],
};
