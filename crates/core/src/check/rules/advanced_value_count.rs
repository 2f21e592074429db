//! At most 500 values across all conditions of all advanced selectors (spec §1.1, §4.2;
//! decisions D13: every value of every operator counts, eventCategory and resources.type too).

use super::invalid_selectors;
use crate::diagnostics::Diagnostic;
use crate::request::located::Request;

pub const MAX_ADVANCED_VALUES: usize = 500;

pub fn check(request: &Request, out: &mut Vec<Diagnostic>) {
    let values: Vec<_> = request
        .advanced_event_selectors()
        .iter()
        .flat_map(|s| s.field_selectors())
        .flat_map(|f| &f.conditions)
        .flat_map(|c| &c.values)
        .collect();
    if let Some(first_over) = values.get(MAX_ADVANCED_VALUES) {
        let help = format!(
            "a trail's advanced event selectors can have up to 500 values across all conditions and selectors; this request has {} (this is value 501): use StartsWith/EndsWith to cover many values with one, or split the trail's coverage",
            values.len()
        );
        // spec: aws-messages.md, "501 condition values across 2 advanced selectors".
        let message = "There are too many filters applied. The maximum allowed number of filters is 500.";
        out.push(
            invalid_selectors(message, &first_over.pointer, first_over.span)
                .observed()
                .help(help)
                .spec("§4.2")
                .decision("D13"),
        );
    }
}

/// Snapshot cases (`rules::tests::rule_snapshots`).
#[cfg(test)]
pub(super) const CASES: &[&str] = &[
    r#"{
  "TrailName": "my-trail",
  "AdvancedEventSelectors": [{"FieldSelectors": [
    {"Field": "eventCategory", "Equals": ["Data"]},
    {"Field": "resources.type", "Equals": ["AWS::S3::Object"]},
    {"Field": "eventName", "Equals": ["PutObject", "DeleteObject"]}
  ]}]
}"#,
    // 501 values in two selectors: eventCategory and resources.type values count too.
    r#"{
  "TrailName": "my-trail",
  "AdvancedEventSelectors": [
    {"FieldSelectors": [
      {"Field": "eventCategory", "Equals": ["Data"]},
      {"Field": "resources.type", "Equals": ["AWS::S3::Object"]},
      {"Field": "eventName", "Equals": [
        "E001", "E002", "E003", "E004", "E005", "E006", "E007", "E008", "E009", "E010", "E011", "E012", "E013", "E014", "E015", "E016",
        "E017", "E018", "E019", "E020", "E021", "E022", "E023", "E024", "E025", "E026", "E027", "E028", "E029", "E030", "E031", "E032",
        "E033", "E034", "E035", "E036", "E037", "E038", "E039", "E040", "E041", "E042", "E043", "E044", "E045", "E046", "E047", "E048",
        "E049", "E050", "E051", "E052", "E053", "E054", "E055", "E056", "E057", "E058", "E059", "E060", "E061", "E062", "E063", "E064",
        "E065", "E066", "E067", "E068", "E069", "E070", "E071", "E072", "E073", "E074", "E075", "E076", "E077", "E078", "E079", "E080",
        "E081", "E082", "E083", "E084", "E085", "E086", "E087", "E088", "E089", "E090", "E091", "E092", "E093", "E094", "E095", "E096",
        "E097", "E098", "E099", "E100", "E101", "E102", "E103", "E104", "E105", "E106", "E107", "E108", "E109", "E110", "E111", "E112",
        "E113", "E114", "E115", "E116", "E117", "E118", "E119", "E120", "E121", "E122", "E123", "E124", "E125", "E126", "E127", "E128",
        "E129", "E130", "E131", "E132", "E133", "E134", "E135", "E136", "E137", "E138", "E139", "E140", "E141", "E142", "E143", "E144",
        "E145", "E146", "E147", "E148", "E149", "E150", "E151", "E152", "E153", "E154", "E155", "E156", "E157", "E158", "E159", "E160",
        "E161", "E162", "E163", "E164", "E165", "E166", "E167", "E168", "E169", "E170", "E171", "E172", "E173", "E174", "E175", "E176",
        "E177", "E178", "E179", "E180", "E181", "E182", "E183", "E184", "E185", "E186", "E187", "E188", "E189", "E190", "E191", "E192",
        "E193", "E194", "E195", "E196", "E197", "E198", "E199", "E200", "E201", "E202", "E203", "E204", "E205", "E206", "E207", "E208",
        "E209", "E210", "E211", "E212", "E213", "E214", "E215", "E216", "E217", "E218", "E219", "E220", "E221", "E222", "E223", "E224",
        "E225", "E226", "E227", "E228", "E229", "E230", "E231", "E232", "E233", "E234", "E235", "E236", "E237", "E238", "E239", "E240",
        "E241", "E242", "E243", "E244", "E245", "E246", "E247", "E248"
      ]}
    ]},
    {"FieldSelectors": [
      {"Field": "eventCategory", "Equals": ["Data"]},
      {"Field": "resources.type", "Equals": ["AWS::S3::Object"]},
      {"Field": "eventName", "Equals": [
        "E249", "E250", "E251", "E252", "E253", "E254", "E255", "E256", "E257", "E258", "E259", "E260", "E261", "E262", "E263", "E264",
        "E265", "E266", "E267", "E268", "E269", "E270", "E271", "E272", "E273", "E274", "E275", "E276", "E277", "E278", "E279", "E280",
        "E281", "E282", "E283", "E284", "E285", "E286", "E287", "E288", "E289", "E290", "E291", "E292", "E293", "E294", "E295", "E296",
        "E297", "E298", "E299", "E300", "E301", "E302", "E303", "E304", "E305", "E306", "E307", "E308", "E309", "E310", "E311", "E312",
        "E313", "E314", "E315", "E316", "E317", "E318", "E319", "E320", "E321", "E322", "E323", "E324", "E325", "E326", "E327", "E328",
        "E329", "E330", "E331", "E332", "E333", "E334", "E335", "E336", "E337", "E338", "E339", "E340", "E341", "E342", "E343", "E344",
        "E345", "E346", "E347", "E348", "E349", "E350", "E351", "E352", "E353", "E354", "E355", "E356", "E357", "E358", "E359", "E360",
        "E361", "E362", "E363", "E364", "E365", "E366", "E367", "E368", "E369", "E370", "E371", "E372", "E373", "E374", "E375", "E376",
        "E377", "E378", "E379", "E380", "E381", "E382", "E383", "E384", "E385", "E386", "E387", "E388", "E389", "E390", "E391", "E392",
        "E393", "E394", "E395", "E396", "E397", "E398", "E399", "E400", "E401", "E402", "E403", "E404", "E405", "E406", "E407", "E408",
        "E409", "E410", "E411", "E412", "E413", "E414", "E415", "E416", "E417", "E418", "E419", "E420", "E421", "E422", "E423", "E424",
        "E425", "E426", "E427", "E428", "E429", "E430", "E431", "E432", "E433", "E434", "E435", "E436", "E437", "E438", "E439", "E440",
        "E441", "E442", "E443", "E444", "E445", "E446", "E447", "E448", "E449", "E450", "E451", "E452", "E453", "E454", "E455", "E456",
        "E457", "E458", "E459", "E460", "E461", "E462", "E463", "E464", "E465", "E466", "E467", "E468", "E469", "E470", "E471", "E472",
        "E473", "E474", "E475", "E476", "E477", "E478", "E479", "E480", "E481", "E482", "E483", "E484", "E485", "E486", "E487", "E488",
        "E489", "E490", "E491", "E492", "E493", "E494", "E495", "E496", "E497"
      ]}
    ]}
  ]
}"#,
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::rules::test_support::{pointers, run_rule};

    fn with_event_names(n: usize) -> Vec<Diagnostic> {
        let names: Vec<String> = (0..n).map(|i| format!("\"E{i}\"")).collect();
        run_rule(
            check,
            &format!(
                r#"{{"TrailName":"t","AdvancedEventSelectors":[{{"FieldSelectors":[{{"Field":"eventCategory","Equals":["Data"]}},{{"Field":"resources.type","Equals":["AWS::S3::Object"]}},{{"Field":"eventName","Equals":[{}]}}]}}]}}"#,
                names.join(",")
            ),
        )
    }

    #[test]
    fn five_hundred_pass_501_fail_at_the_501st() {
        assert!(with_event_names(498).is_empty());
        let over = with_event_names(499);
        assert_eq!(pointers(&over), ["/AdvancedEventSelectors/0/FieldSelectors/2/Equals/498"]);
        assert_eq!(
            over[0].message,
            "There are too many filters applied. The maximum allowed number of filters is 500."
        );
        assert!(over[0].help.as_deref().unwrap().contains("this request has 501"));
    }
}
