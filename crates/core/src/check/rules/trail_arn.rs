//! Trail ARNs (spec §3.2; decisions D5): `arn:<partition>:cloudtrail:<region>:<12 digits>:
//! trail/<name>`, with a known partition, a region of that partition and a valid name.

use super::{invalid_name, trail_name};
use crate::catalog::arn;
use crate::diagnostics::{Code, Problems};
use crate::request::located::Request;

const FORMAT_HELP: &str = "the format is arn:aws:cloudtrail:us-east-2:123456789012:trail/MyTrail";

pub fn check(request: &Request, out: &mut Problems) {
    let Some(name) = &request.trail_name else {
        return;
    };
    if !name.value.starts_with("arn:") {
        return;
    }
    for problem in problems(&name.value) {
        let message = format!("Trail ARN \"{}\" is not valid: {problem}", name.value);
        out.push(|| {
            invalid_name(Code::CloudTrailArnInvalidException, message, &name.pointer, name.span)
                .help(FORMAT_HELP)
                .spec("§3.2")
        });
    }
}

/// What is wrong with each part of a trail ARN.
pub fn problems(value: &str) -> Vec<String> {
    let Some(parts) = arn::split(value) else {
        return vec!["an ARN has six parts separated by ':'".into()];
    };
    let mut found = Vec::new();
    if !arn::is_partition(parts.partition) {
        let known: Vec<&str> = arn::partition_names().collect();
        found.push(format!("\"{}\" is not an AWS partition ({})", parts.partition, known.join(", ")));
    }
    if parts.service != "cloudtrail" {
        found.push(format!("the service is \"{}\", expected \"cloudtrail\"", parts.service));
    }
    match arn::partition_of_region(parts.region) {
        None => found.push(format!("\"{}\" is not a region name", parts.region)),
        Some(p) if arn::is_partition(parts.partition) && p != parts.partition => {
            found.push(format!("region \"{}\" belongs to partition \"{p}\", not \"{}\"", parts.region, parts.partition))
        }
        Some(_) => {}
    }
    if !arn::is_account_id(parts.account) {
        found.push(format!("the account \"{}\" is not 12 digits", parts.account));
    }
    match parts.resource.strip_prefix("trail/") {
        None => found.push(format!("the resource \"{}\" does not start with \"trail/\"", parts.resource)),
        Some(name) if !trail_name::is_valid(name) => found.push(format!("\"{name}\" is not a valid trail name")),
        Some(_) => {}
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_documented_format_and_rejects_each_broken_part() {
        assert!(problems("arn:aws:cloudtrail:us-east-2:123456789012:trail/MyTrail").is_empty());
        assert!(problems("arn:aws-us-gov:cloudtrail:us-gov-west-1:123456789012:trail/t-1").is_empty());
        for bad in [
            "arn:aws",
            "arn:aws-moon:cloudtrail:us-east-2:123456789012:trail/MyTrail",
            "arn:aws:s3:us-east-2:123456789012:trail/MyTrail",
            "arn:aws:cloudtrail:cn-north-1:123456789012:trail/MyTrail",
            "arn:aws:cloudtrail:us-east-2:1234:trail/MyTrail",
            "arn:aws:cloudtrail:us-east-2:123456789012:channel/MyTrail",
            "arn:aws:cloudtrail:us-east-2:123456789012:trail/my--trail",
        ] {
            assert_eq!(problems(bad).len(), 1, "{bad}: {:?}", problems(bad));
        }
    }
}
