//! The forms a basic `DataResources[].Values` entry can take, per type (spec §6.2; decisions
//! D10). Parsed once here; the validator reports the failures and the matcher uses the forms.

use crate::catalog::{self, arn};

/// A well-formed basic data resource value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DataValue<'a> {
    /// Every resource of the type: `arn:<p>:s3`, `arn:<p>:s3:::`, `arn:<p>:lambda`,
    /// `arn:<p>:dynamodb` (spec §6.2).
    All,
    /// S3 objects whose ARN starts with this value: `arn:<p>:s3:::<bucket>/<optional prefix>`.
    S3Prefix { bucket: &'a str },
    /// One Lambda function, matched exactly ("Lambda function ARNs are exact", spec §6.2).
    LambdaFunction,
    /// One DynamoDB table (`arn:<p>:dynamodb:<region>:<account>:table/<name>`).
    DynamoDbTable,
}

/// Parses `value` for `resource_type`; the error says what is wrong, for the message's help.
pub fn parse<'a>(resource_type: &str, value: &'a str) -> Result<DataValue<'a>, String> {
    let service = match catalog::basic_type(resource_type) {
        Some(basic) => basic.service,
        None => return Err(format!("{resource_type} is not a basic data resource type")),
    };
    // spec: decisions D10 as corrected by docs/aws-messages.md: `*` is refused anywhere but in
    // an S3 key prefix, where it is a literal key character (checked in `s3`).
    if value.contains('*') && service != "s3" {
        return Err(wildcard(service));
    }
    if is_all(service, value) {
        return Ok(DataValue::All);
    }
    let parts = arn::split(value).ok_or_else(|| format!("expected an ARN starting with arn:aws:{service}"))?;
    if !arn::is_partition(parts.partition) || parts.service != service {
        return Err(format!("expected an ARN starting with arn:<partition>:{service}, e.g. arn:aws:{service}"));
    }
    match service {
        "s3" => s3(parts),
        "lambda" => lambda(parts),
        _ => dynamodb(parts),
    }
}

/// The help for a `*`: it names the type's own "all" value.
fn wildcard(service: &str) -> String {
    format!("wildcards (*) are not supported; to log every resource of the type use the \"all\" value arn:aws:{service} (or arn:<partition>:{service})")
}

/// `arn:<partition>:<service>` (and `arn:<partition>:s3:::`): every resource of the type.
pub fn is_all(service: &str, value: &str) -> bool {
    let Some(rest) = value.strip_prefix("arn:") else {
        return false;
    };
    let Some((partition, tail)) = rest.split_once(':') else {
        return false;
    };
    arn::is_partition(partition) && (tail == service || (service == "s3" && tail == "s3:::"))
}

/// True for the "all" value of any basic type (these do not count toward the 250 limit, D8).
pub fn is_any_all(value: &str) -> bool {
    catalog::BASIC_TYPES.iter().any(|t| is_all(t.service, value))
}

fn s3(parts: arn::Arn<'_>) -> Result<DataValue<'_>, String> {
    if !parts.region.is_empty() || !parts.account.is_empty() {
        return Err("S3 object ARNs have no region or account: arn:aws:s3:::bucket/prefix".into());
    }
    let bucket_part = parts.resource.split_once('/').map_or(parts.resource, |(bucket, _)| bucket);
    if bucket_part.contains('*') {
        return Err(wildcard("s3"));
    }
    let Some((bucket, _prefix)) = parts.resource.split_once('/') else {
        return Err(format!(
            "a bucket needs a trailing slash: use arn:{}:s3:::{}/ for all objects in the bucket",
            parts.partition, parts.resource
        ));
    };
    bucket_name_problem(bucket).map_or(Ok(DataValue::S3Prefix { bucket }), Err)
}

/// S3 general-purpose bucket naming (decisions D10): 3-63 characters, lowercase letters,
/// digits, '.' and '-', starting and ending with a letter or digit.
fn bucket_name_problem(bucket: &str) -> Option<String> {
    let ok_chars = bucket.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'-');
    let ok_ends = bucket.bytes().next().is_some_and(|b| b.is_ascii_alphanumeric())
        && bucket.bytes().last().is_some_and(|b| b.is_ascii_alphanumeric());
    (!((3..=63).contains(&bucket.len()) && ok_chars && ok_ends)).then(|| {
        format!("\"{bucket}\" is not a valid bucket name (3-63 lowercase letters, digits, '.' or '-', starting and ending with a letter or digit)")
    })
}

fn region_account(parts: &arn::Arn<'_>) -> Result<(), String> {
    if arn::partition_of_region(parts.region) != Some(parts.partition) {
        return Err(format!("\"{}\" is not a region of partition {}", parts.region, parts.partition));
    }
    if !arn::is_account_id(parts.account) {
        return Err(format!("the account \"{}\" is not 12 digits", parts.account));
    }
    Ok(())
}

fn is_name(text: &str, max: usize, extra: &[u8]) -> bool {
    (1..=max).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_alphanumeric() || extra.contains(&b))
}

fn lambda(parts: arn::Arn<'_>) -> Result<DataValue<'_>, String> {
    region_account(&parts)?;
    let function = parts.resource.strip_prefix("function:").ok_or("expected ...:function:<name> after the account")?;
    let (name, qualifier) = function.split_once(':').map_or((function, None), |(n, q)| (n, Some(q)));
    if !is_name(name, 64, b"-_") {
        return Err(format!("\"{name}\" is not a valid function name (1-64 letters, digits, '-' or '_')"));
    }
    match qualifier {
        Some(q) if !(q == "$LATEST" || is_name(q, 128, b"-_")) => {
            Err(format!("\"{q}\" is not a valid version or alias"))
        }
        _ => Ok(DataValue::LambdaFunction),
    }
}

fn dynamodb(parts: arn::Arn<'_>) -> Result<DataValue<'_>, String> {
    region_account(&parts)?;
    let table = parts.resource.strip_prefix("table/").ok_or("expected ...:table/<name> after the account")?;
    if !(3..=255).contains(&table.len()) || !is_name(table, 255, b"-_.") {
        return Err(format!("\"{table}\" is not a valid table name (3-255 letters, digits, '_', '-' or '.')"));
    }
    Ok(DataValue::DynamoDbTable)
}

#[cfg(test)]
mod tests {
    use super::*;

    const S3: &str = "AWS::S3::Object";
    const LAMBDA: &str = "AWS::Lambda::Function";
    const DDB: &str = "AWS::DynamoDB::Table";

    #[test]
    fn documented_values_parse() {
        assert_eq!(parse(S3, "arn:aws:s3"), Ok(DataValue::All));
        assert_eq!(parse(S3, "arn:aws:s3:::"), Ok(DataValue::All));
        assert_eq!(
            parse(S3, "arn:aws:s3:::amzn-s3-demo-bucket1/"),
            Ok(DataValue::S3Prefix { bucket: "amzn-s3-demo-bucket1" })
        );
        assert!(parse(S3, "arn:aws:s3:::bucket/example-images").is_ok());
        assert_eq!(parse(LAMBDA, "arn:aws:lambda"), Ok(DataValue::All));
        assert!(parse(LAMBDA, "arn:aws:lambda:us-west-2:111111111111:function:helloworld").is_ok());
        assert!(parse(LAMBDA, "arn:aws:lambda:us-west-2:111111111111:function:helloworld:prod").is_ok());
        assert_eq!(parse(DDB, "arn:aws:dynamodb"), Ok(DataValue::All));
        assert!(parse(DDB, "arn:aws:dynamodb:us-east-1:111111111111:table/Orders").is_ok());
        assert!(parse(S3, "arn:aws-cn:s3").is_ok());
    }

    #[test]
    fn star_in_an_s3_key_prefix_is_a_literal_character() {
        // spec: aws-messages.md, corrections: `arn:aws:s3:::corp-bucket/*` was accepted.
        assert_eq!(parse(S3, "arn:aws:s3:::corp-bucket/*"), Ok(DataValue::S3Prefix { bucket: "corp-bucket" }));
        assert!(parse(S3, "arn:aws:s3:::corp-bucket/logs/*.gz").is_ok());
        assert_eq!(parse(S3, "arn:aws:s3:::*/*"), Err(wildcard("s3")));
        assert_eq!(parse(S3, "arn:aws:s3:::*"), Err(wildcard("s3")));
        let lambda = parse(LAMBDA, "arn:aws:lambda:us-west-2:111111111111:function:*");
        assert!(lambda.is_err_and(|help| help.contains("\"all\" value arn:aws:lambda ")));
    }

    #[test]
    fn observed_rejections_are_rejected() {
        for (ty, bad) in [
            (S3, "arn:aws:s3:::data-bucket"),
            (S3, "arn:aws:s3:::*"),
            (LAMBDA, "arn:aws:lambda:*"),
            (S3, "bucketArn"),
            (S3, "arn:aws:s3:::cg-*/*"),
            (S3, "arn:aws:s3:::Upper/"),
            (S3, "arn:aws:s3:us-east-1::b/"),
            (LAMBDA, "arn:aws:lambda:us-west-2:111111111111:helloworld"),
            (LAMBDA, "arn:aws:lambda:mars-1:111111111111:function:f"),
            (DDB, "arn:aws:dynamodb:us-east-1:1111:table/Orders"),
            (DDB, "arn:aws:s3"),
        ] {
            assert!(parse(ty, bad).is_err(), "{bad}");
        }
    }
}
