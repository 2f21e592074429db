//! Partitions, regions, account ids and trail ARNs (spec §3.2).

/// A partition and the region name prefixes botocore's `partitions.json` (1.44.8) gives it:
/// a region is `<prefix>-<word>-<digits>` (spec §3.2 table).
struct Partition {
    name: &'static str,
    region_prefixes: &'static [&'static str],
}

const PARTITIONS: [Partition; 8] = [
    Partition { name: "aws", region_prefixes: &["us", "eu", "ap", "sa", "ca", "me", "af", "il", "mx"] },
    Partition { name: "aws-cn", region_prefixes: &["cn"] },
    Partition { name: "aws-us-gov", region_prefixes: &["us-gov"] },
    Partition { name: "aws-iso", region_prefixes: &["us-iso"] },
    Partition { name: "aws-iso-b", region_prefixes: &["us-isob"] },
    Partition { name: "aws-iso-e", region_prefixes: &["eu-isoe"] },
    Partition { name: "aws-iso-f", region_prefixes: &["us-isof"] },
    Partition { name: "aws-eusc", region_prefixes: &["eusc-de"] },
];

pub fn partition_names() -> impl Iterator<Item = &'static str> {
    PARTITIONS.iter().map(|p| p.name)
}

pub fn is_partition(name: &str) -> bool {
    partition_names().any(|p| p == name)
}

/// `<word>-<digits>` after the partition's prefix, `<word>` being regex `\w+`.
fn region_tail_ok(tail: &str) -> bool {
    let Some((word, digits)) = tail.rsplit_once('-') else {
        return false;
    };
    !word.is_empty()
        && word.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
        && !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
}

/// The partition whose region pattern `region` fits, if any.
pub fn partition_of_region(region: &str) -> Option<&'static str> {
    PARTITIONS
        .iter()
        .find(|p| {
            p.region_prefixes
                .iter()
                .any(|prefix| region.strip_prefix(prefix).and_then(|r| r.strip_prefix('-')).is_some_and(region_tail_ok))
        })
        .map(|p| p.name)
}

pub fn is_account_id(text: &str) -> bool {
    text.len() == 12 && text.bytes().all(|b| b.is_ascii_digit())
}

/// `arn:<partition>:cloudtrail:<region>:<account>:trail/<name>` (spec §3.2).
pub fn trail_arn(partition: &str, region: &str, account: &str, name: &str) -> String {
    format!("arn:{partition}:cloudtrail:{region}:{account}:trail/{name}")
}

/// The six colon-separated parts of an ARN; the resource part may itself contain colons.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Arn<'a> {
    pub partition: &'a str,
    pub service: &'a str,
    pub region: &'a str,
    pub account: &'a str,
    pub resource: &'a str,
}

pub fn split(text: &str) -> Option<Arn<'_>> {
    let mut parts = text.splitn(6, ':');
    if parts.next()? != "arn" {
        return None;
    }
    Some(Arn {
        partition: parts.next()?,
        service: parts.next()?,
        region: parts.next()?,
        account: parts.next()?,
        resource: parts.next()?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regions_belong_to_their_partition() {
        assert_eq!(partition_of_region("us-east-1"), Some("aws"));
        assert_eq!(partition_of_region("us-gov-west-1"), Some("aws-us-gov"));
        assert_eq!(partition_of_region("cn-north-1"), Some("aws-cn"));
        assert_eq!(partition_of_region("eusc-de-east-1"), Some("aws-eusc"));
        assert_eq!(partition_of_region("us-isob-east-1"), Some("aws-iso-b"));
        assert_eq!(partition_of_region("moon-base-1"), None);
        assert_eq!(partition_of_region("us-east"), None);
    }

    #[test]
    fn splits_arns_keeping_colons_in_the_resource() {
        let arn = split("arn:aws:lambda:us-east-1:123456789012:function:f:1").unwrap();
        assert_eq!((arn.service, arn.resource), ("lambda", "function:f:1"));
        assert!(split("arn:aws:s3").is_none());
        assert!(is_account_id("123456789012") && !is_account_id("12345678901a"));
    }
}
