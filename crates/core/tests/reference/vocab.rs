//! The small vocabulary generated selectors and events share, so that they often meet: the
//! property tests (`matcher_vs_reference.rs`) and the matcher fuzz target
//! (`crates/fuzz-checks`) draw from the same lists.

// Each includer uses part of it.
#![allow(dead_code)]

pub const SOURCES: &[&str] = &["s3.amazonaws.com", "kms.amazonaws.com", "ec2.amazonaws.com", "rdsdata.amazonaws.com"];
pub const NAMES: &[&str] = &["PutObject", "GetObject", "DeleteObject", "Invoke", "Decrypt", "RunInstances"];
pub const TYPES: &[&str] = &["AWS::S3::Object", "AWS::Lambda::Function", "AWS::DynamoDB::Table", "AWS::S3::Bucket"];
pub const ARNS: &[&str] = &[
    "arn:aws:s3:::bucket-a/key",
    "arn:aws:s3:::bucket-a/logs/x",
    "arn:aws:s3:::bucket-b/key",
    "arn:aws:lambda:us-east-1:111111111111:function:f",
    "arn:aws:lambda:us-east-1:111111111111:function:f2",
    "arn:aws:dynamodb:us-east-1:111111111111:table/Tab",
];
pub const PIECES: &[&str] = &[
    "arn:aws:s3:::bucket-a/",
    "arn:aws:s3:::",
    "key",
    "Object",
    "Put",
    "f",
    "T",
    "true",
    "false",
    "AwsApiCall",
    "arn:aws:iam::",
    "alice",
    "vpce-",
    "AWS::S3",
];
pub const USER_ARNS: &[&str] = &[
    "arn:aws:iam::111111111111:user/alice",
    "arn:aws:sts::111111111111:assumed-role/Admin/alice",
    "arn:aws:iam::222222222222:root",
];
pub const ENDPOINTS: &[&str] = &["vpce-1", "vpce-2"];
/// Record `eventCategory` values; "Other" and "Foo" are ones trails do not know (Category::Other).
pub const RECORD_CATEGORIES: &[&str] = &["Management", "Data", "NetworkActivity", "Insight", "Other", "Foo"];
/// The categories an advanced selector may select.
pub const SELECTOR_CATEGORIES: &[&str] = &["Management", "Data", "NetworkActivity"];
pub const EVENT_TYPES: &[&str] = &["AwsApiCall", "AwsServiceEvent"];
pub const ERROR_CODES: &[&str] = &["VpceAccessDenied"];
/// `resources.type` values for operators other than Equals (which select no type, D25).
pub const TYPE_PIECES: &[&str] = &["AWS::S3::Object", "AWS::S3", "Object", "AWS::Lambda::Function"];
/// Basic `DataResources` values, every one in a D10 form (the reference evaluator assumes so).
pub const BASIC_VALUES: &[&str] = &[
    "arn:aws:s3",
    "arn:aws:s3:::",
    "arn:aws:s3:::bucket-a/",
    "arn:aws:s3:::bucket-a/logs",
    "arn:aws:lambda",
    "arn:aws:lambda:us-east-1:111111111111:function:f",
    "arn:aws:dynamodb",
    "arn:aws:dynamodb:us-east-1:111111111111:table/Tab",
];
