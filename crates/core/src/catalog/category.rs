//! Event categories, once: the category a record is judged in (decisions D26) and the one an
//! advanced selector names with `eventCategory` (spec §4.1; decisions D14).

/// An event's category. Trails' selectors can name the first three; `Insight` events come from
/// insight selectors, never from event selectors (spec §5.3), and `Other` stands for any value
/// trails do not know: no selector matches either.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Category {
    Management,
    Data,
    NetworkActivity,
    Insight,
    Other,
}

impl Category {
    /// Every category, in declaration order (`category as usize` indexes it).
    pub const ALL: [Category; 5] =
        [Category::Management, Category::Data, Category::NetworkActivity, Category::Insight, Category::Other];

    /// The `eventCategory` values a trail's advanced selectors accept (spec §4.1).
    pub const SELECTABLE_NAMES: [&'static str; 3] = ["Management", "Data", "NetworkActivity"];

    pub fn as_str(self) -> &'static str {
        match self {
            Category::Management => "Management",
            Category::Data => "Data",
            Category::NetworkActivity => "NetworkActivity",
            Category::Insight => "Insight",
            Category::Other => "Other",
        }
    }

    /// A record's `eventCategory` value: any value trails do not know is `Other`.
    pub fn of_record(text: &str) -> Category {
        match text {
            "Management" => Category::Management,
            "Data" => Category::Data,
            "NetworkActivity" => Category::NetworkActivity,
            "Insight" => Category::Insight,
            _ => Category::Other,
        }
    }

    /// A selector's `eventCategory` value, when a trail accepts it (spec §4.1; decisions D14).
    pub fn selectable(text: &str) -> Option<Category> {
        match Category::of_record(text) {
            c @ (Category::Management | Category::Data | Category::NetworkActivity) => Some(c),
            Category::Insight | Category::Other => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_only_three_are_selectable() {
        for c in Category::ALL {
            assert_eq!(Category::ALL[c as usize], c);
            if c != Category::Other {
                assert_eq!(Category::of_record(c.as_str()), c);
            }
        }
        let selectable: Vec<&str> =
            Category::ALL.iter().filter(|c| Category::selectable(c.as_str()).is_some()).map(|c| c.as_str()).collect();
        assert_eq!(selectable, Category::SELECTABLE_NAMES);
        assert_eq!(Category::selectable("data"), None);
        assert_eq!(Category::of_record("ConfigurationItem"), Category::Other);
    }
}
