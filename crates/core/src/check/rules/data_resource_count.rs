//! At most 250 data resource values across all basic selectors; "all" values do not count
//! (spec §1.2, §4.2; decisions D8). Message: AWS's observed text.

use super::invalid_selectors;
use crate::catalog::data_value::is_any_all;
use crate::diagnostics::Diagnostic;
use crate::request::located::Request;

pub const MAX_DATA_RESOURCE_VALUES: usize = 250;

pub fn check(request: &Request, out: &mut Vec<Diagnostic>) {
    let counted: Vec<_> = request
        .event_selectors()
        .iter()
        .flat_map(|s| s.data_resources())
        .flat_map(|r| r.values())
        .filter(|v| !is_any_all(&v.value))
        .collect();
    if let Some(first_over) = counted.get(MAX_DATA_RESOURCE_VALUES) {
        let help = format!(
            "this request has {} (this is value 251); the limit is 250 values in total across all event selectors, and values that log all resources of a type (e.g. arn:aws:s3) do not count",
            counted.len()
        );
        // spec: aws-messages.md, "251 basic data resource values across 5 selectors" (AWS's text
        // has no final period).
        let message = "Specify a valid number of DataResources.Values (0 to 250) for all your selectors";
        out.push(
            invalid_selectors(message, &first_over.pointer, first_over.span)
                .observed()
                .help(help)
                .spec("§4.2")
                .decision("D8"),
        );
    }
}

/// Snapshot cases (`rules::tests::rule_snapshots`).
#[cfg(test)]
pub(super) const CASES: &[&str] = &[
    r#"{
  "TrailName": "my-trail",
  "EventSelectors": [{"DataResources": [{"Type": "AWS::S3::Object", "Values": ["arn:aws:s3", "arn:aws:s3:::data-bucket/"]}]}]
}"#,
    // 251 counted values in two selectors; "arn:aws:s3" (all buckets) does not count.
    r#"{
  "TrailName": "my-trail",
  "EventSelectors": [
    {"DataResources": [{"Type": "AWS::S3::Object", "Values": [
      "arn:aws:s3", "arn:aws:s3:::b001/", "arn:aws:s3:::b002/", "arn:aws:s3:::b003/", "arn:aws:s3:::b004/", "arn:aws:s3:::b005/", "arn:aws:s3:::b006/", "arn:aws:s3:::b007/",
      "arn:aws:s3:::b008/", "arn:aws:s3:::b009/", "arn:aws:s3:::b010/", "arn:aws:s3:::b011/", "arn:aws:s3:::b012/", "arn:aws:s3:::b013/", "arn:aws:s3:::b014/", "arn:aws:s3:::b015/",
      "arn:aws:s3:::b016/", "arn:aws:s3:::b017/", "arn:aws:s3:::b018/", "arn:aws:s3:::b019/", "arn:aws:s3:::b020/", "arn:aws:s3:::b021/", "arn:aws:s3:::b022/", "arn:aws:s3:::b023/",
      "arn:aws:s3:::b024/", "arn:aws:s3:::b025/", "arn:aws:s3:::b026/", "arn:aws:s3:::b027/", "arn:aws:s3:::b028/", "arn:aws:s3:::b029/", "arn:aws:s3:::b030/", "arn:aws:s3:::b031/",
      "arn:aws:s3:::b032/", "arn:aws:s3:::b033/", "arn:aws:s3:::b034/", "arn:aws:s3:::b035/", "arn:aws:s3:::b036/", "arn:aws:s3:::b037/", "arn:aws:s3:::b038/", "arn:aws:s3:::b039/",
      "arn:aws:s3:::b040/", "arn:aws:s3:::b041/", "arn:aws:s3:::b042/", "arn:aws:s3:::b043/", "arn:aws:s3:::b044/", "arn:aws:s3:::b045/", "arn:aws:s3:::b046/", "arn:aws:s3:::b047/",
      "arn:aws:s3:::b048/", "arn:aws:s3:::b049/", "arn:aws:s3:::b050/", "arn:aws:s3:::b051/", "arn:aws:s3:::b052/", "arn:aws:s3:::b053/", "arn:aws:s3:::b054/", "arn:aws:s3:::b055/",
      "arn:aws:s3:::b056/", "arn:aws:s3:::b057/", "arn:aws:s3:::b058/", "arn:aws:s3:::b059/", "arn:aws:s3:::b060/", "arn:aws:s3:::b061/", "arn:aws:s3:::b062/", "arn:aws:s3:::b063/",
      "arn:aws:s3:::b064/", "arn:aws:s3:::b065/", "arn:aws:s3:::b066/", "arn:aws:s3:::b067/", "arn:aws:s3:::b068/", "arn:aws:s3:::b069/", "arn:aws:s3:::b070/", "arn:aws:s3:::b071/",
      "arn:aws:s3:::b072/", "arn:aws:s3:::b073/", "arn:aws:s3:::b074/", "arn:aws:s3:::b075/", "arn:aws:s3:::b076/", "arn:aws:s3:::b077/", "arn:aws:s3:::b078/", "arn:aws:s3:::b079/",
      "arn:aws:s3:::b080/", "arn:aws:s3:::b081/", "arn:aws:s3:::b082/", "arn:aws:s3:::b083/", "arn:aws:s3:::b084/", "arn:aws:s3:::b085/", "arn:aws:s3:::b086/", "arn:aws:s3:::b087/",
      "arn:aws:s3:::b088/", "arn:aws:s3:::b089/", "arn:aws:s3:::b090/", "arn:aws:s3:::b091/", "arn:aws:s3:::b092/", "arn:aws:s3:::b093/", "arn:aws:s3:::b094/", "arn:aws:s3:::b095/",
      "arn:aws:s3:::b096/", "arn:aws:s3:::b097/", "arn:aws:s3:::b098/", "arn:aws:s3:::b099/", "arn:aws:s3:::b100/", "arn:aws:s3:::b101/", "arn:aws:s3:::b102/", "arn:aws:s3:::b103/",
      "arn:aws:s3:::b104/", "arn:aws:s3:::b105/", "arn:aws:s3:::b106/", "arn:aws:s3:::b107/", "arn:aws:s3:::b108/", "arn:aws:s3:::b109/", "arn:aws:s3:::b110/", "arn:aws:s3:::b111/",
      "arn:aws:s3:::b112/", "arn:aws:s3:::b113/", "arn:aws:s3:::b114/", "arn:aws:s3:::b115/", "arn:aws:s3:::b116/", "arn:aws:s3:::b117/", "arn:aws:s3:::b118/", "arn:aws:s3:::b119/",
      "arn:aws:s3:::b120/", "arn:aws:s3:::b121/", "arn:aws:s3:::b122/", "arn:aws:s3:::b123/", "arn:aws:s3:::b124/", "arn:aws:s3:::b125/"
    ]}]},
    {"DataResources": [{"Type": "AWS::S3::Object", "Values": [
      "arn:aws:s3:::b126/", "arn:aws:s3:::b127/", "arn:aws:s3:::b128/", "arn:aws:s3:::b129/", "arn:aws:s3:::b130/", "arn:aws:s3:::b131/", "arn:aws:s3:::b132/", "arn:aws:s3:::b133/",
      "arn:aws:s3:::b134/", "arn:aws:s3:::b135/", "arn:aws:s3:::b136/", "arn:aws:s3:::b137/", "arn:aws:s3:::b138/", "arn:aws:s3:::b139/", "arn:aws:s3:::b140/", "arn:aws:s3:::b141/",
      "arn:aws:s3:::b142/", "arn:aws:s3:::b143/", "arn:aws:s3:::b144/", "arn:aws:s3:::b145/", "arn:aws:s3:::b146/", "arn:aws:s3:::b147/", "arn:aws:s3:::b148/", "arn:aws:s3:::b149/",
      "arn:aws:s3:::b150/", "arn:aws:s3:::b151/", "arn:aws:s3:::b152/", "arn:aws:s3:::b153/", "arn:aws:s3:::b154/", "arn:aws:s3:::b155/", "arn:aws:s3:::b156/", "arn:aws:s3:::b157/",
      "arn:aws:s3:::b158/", "arn:aws:s3:::b159/", "arn:aws:s3:::b160/", "arn:aws:s3:::b161/", "arn:aws:s3:::b162/", "arn:aws:s3:::b163/", "arn:aws:s3:::b164/", "arn:aws:s3:::b165/",
      "arn:aws:s3:::b166/", "arn:aws:s3:::b167/", "arn:aws:s3:::b168/", "arn:aws:s3:::b169/", "arn:aws:s3:::b170/", "arn:aws:s3:::b171/", "arn:aws:s3:::b172/", "arn:aws:s3:::b173/",
      "arn:aws:s3:::b174/", "arn:aws:s3:::b175/", "arn:aws:s3:::b176/", "arn:aws:s3:::b177/", "arn:aws:s3:::b178/", "arn:aws:s3:::b179/", "arn:aws:s3:::b180/", "arn:aws:s3:::b181/",
      "arn:aws:s3:::b182/", "arn:aws:s3:::b183/", "arn:aws:s3:::b184/", "arn:aws:s3:::b185/", "arn:aws:s3:::b186/", "arn:aws:s3:::b187/", "arn:aws:s3:::b188/", "arn:aws:s3:::b189/",
      "arn:aws:s3:::b190/", "arn:aws:s3:::b191/", "arn:aws:s3:::b192/", "arn:aws:s3:::b193/", "arn:aws:s3:::b194/", "arn:aws:s3:::b195/", "arn:aws:s3:::b196/", "arn:aws:s3:::b197/",
      "arn:aws:s3:::b198/", "arn:aws:s3:::b199/", "arn:aws:s3:::b200/", "arn:aws:s3:::b201/", "arn:aws:s3:::b202/", "arn:aws:s3:::b203/", "arn:aws:s3:::b204/", "arn:aws:s3:::b205/",
      "arn:aws:s3:::b206/", "arn:aws:s3:::b207/", "arn:aws:s3:::b208/", "arn:aws:s3:::b209/", "arn:aws:s3:::b210/", "arn:aws:s3:::b211/", "arn:aws:s3:::b212/", "arn:aws:s3:::b213/",
      "arn:aws:s3:::b214/", "arn:aws:s3:::b215/", "arn:aws:s3:::b216/", "arn:aws:s3:::b217/", "arn:aws:s3:::b218/", "arn:aws:s3:::b219/", "arn:aws:s3:::b220/", "arn:aws:s3:::b221/",
      "arn:aws:s3:::b222/", "arn:aws:s3:::b223/", "arn:aws:s3:::b224/", "arn:aws:s3:::b225/", "arn:aws:s3:::b226/", "arn:aws:s3:::b227/", "arn:aws:s3:::b228/", "arn:aws:s3:::b229/",
      "arn:aws:s3:::b230/", "arn:aws:s3:::b231/", "arn:aws:s3:::b232/", "arn:aws:s3:::b233/", "arn:aws:s3:::b234/", "arn:aws:s3:::b235/", "arn:aws:s3:::b236/", "arn:aws:s3:::b237/",
      "arn:aws:s3:::b238/", "arn:aws:s3:::b239/", "arn:aws:s3:::b240/", "arn:aws:s3:::b241/", "arn:aws:s3:::b242/", "arn:aws:s3:::b243/", "arn:aws:s3:::b244/", "arn:aws:s3:::b245/",
      "arn:aws:s3:::b246/", "arn:aws:s3:::b247/", "arn:aws:s3:::b248/", "arn:aws:s3:::b249/", "arn:aws:s3:::b250/", "arn:aws:s3:::b251/"
    ]}]}
  ]
}"#,
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::rules::test_support::{pointers, run_rule};

    fn with(per_selector: &[usize]) -> Vec<Diagnostic> {
        let selectors: Vec<String> = per_selector
            .iter()
            .enumerate()
            .map(|(s, &n)| {
                let values: Vec<String> = (0..n).map(|i| format!("\"arn:aws:s3:::bucket-{s}-{i}/\"")).collect();
                format!(
                    r#"{{"DataResources":[{{"Type":"AWS::S3::Object","Values":["arn:aws:s3",{}]}}]}}"#,
                    values.join(",")
                )
            })
            .collect();
        run_rule(check, &format!(r#"{{"TrailName":"t","EventSelectors":[{}]}}"#, selectors.join(",")))
    }

    #[test]
    fn boundaries_250_and_251_in_one_or_several_selectors() {
        assert!(with(&[250]).is_empty());
        let over = with(&[251]);
        assert_eq!(pointers(&over), ["/EventSelectors/0/DataResources/0/Values/251"]);
        assert_eq!(over[0].message, "Specify a valid number of DataResources.Values (0 to 250) for all your selectors");
        assert!(with(&[125, 125]).is_empty());
        assert_eq!(pointers(&with(&[125, 126])), ["/EventSelectors/1/DataResources/0/Values/126"]);
        assert!(with(&[50, 50, 50, 50, 50]).is_empty());
    }
}
