//! A reproducible generator of realistic synthetic CloudTrail logs: mixed services, management
//! and data events, S3/Lambda/DynamoDB resources, records of about 1-2 KB shaped like real
//! ones (spec §7.1). Same seed, same bytes. Used by the benchmark, the CLI (`trailscope synth`)
//! and the page's large sample log.

use serde::Serialize;

/// splitmix64: small, fast and good enough to vary synthetic records.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

const ACCOUNT: &str = "123456789012";
const REGIONS: &[&str] = &["us-east-1", "us-east-2", "eu-west-1"];
const BUCKETS: &[&str] = &[
    "amzn-s3-demo-bucket",
    "amzn-s3-demo-bucket1",
    "app-assets-prod",
    "data-lake-raw",
    "cloudtrail-logs-123456789012",
];
const FUNCTIONS: &[&str] = &["helloworld", "helloworld2", "MyLambdaFunction", "orders-api", "thumbnailer"];
const TABLES: &[&str] = &["Orders", "Sessions", "Inventory"];
const USERS: &[&str] = &["Alice", "Bob", "deploy-bot", "bucket-scanner-role"];

/// (eventSource, eventName, readOnly) of management events, weighted by repetition.
const MANAGEMENT: &[(&str, &str, bool)] = &[
    ("ec2.amazonaws.com", "DescribeInstances", true),
    ("ec2.amazonaws.com", "DescribeInstances", true),
    ("ec2.amazonaws.com", "RunInstances", false),
    ("ec2.amazonaws.com", "TerminateInstances", false),
    ("iam.amazonaws.com", "ListRoles", true),
    ("iam.amazonaws.com", "CreateUser", false),
    ("sts.amazonaws.com", "AssumeRole", true),
    ("sts.amazonaws.com", "AssumeRole", true),
    ("kms.amazonaws.com", "Decrypt", true),
    ("kms.amazonaws.com", "Decrypt", true),
    ("kms.amazonaws.com", "GenerateDataKey", true),
    ("kms.amazonaws.com", "ScheduleKeyDeletion", false),
    ("cloudtrail.amazonaws.com", "DescribeTrails", true),
    ("rdsdata.amazonaws.com", "ExecuteStatement", false),
    ("s3.amazonaws.com", "ListBuckets", true),
];

fn uuid(rng: &mut Rng) -> String {
    let (a, b) = (rng.next_u64(), rng.next_u64());
    format!(
        "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
        a >> 32,
        (a >> 16) & 0xffff,
        a & 0xffff,
        b >> 48,
        b & 0xffff_ffff_ffff
    )
}

/// A record's members in the order CloudTrail writes them. Structs, not `json!` maps, so that
/// the bytes are the same in every build: a map's key order follows serde_json's
/// `preserve_order` feature, which tests and benchmarks turn on and the shipped build does not
/// (review B6).
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SynthRecord {
    event_version: &'static str,
    user_identity: Identity,
    event_time: String,
    event_source: &'static str,
    event_name: &'static str,
    aws_region: &'static str,
    #[serde(rename = "sourceIPAddress")]
    source_ip_address: String,
    user_agent: &'static str,
    request_parameters: Option<Parameters>,
    response_elements: (),
    #[serde(rename = "requestID")]
    request_id: String,
    #[serde(rename = "eventID")]
    event_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    read_only: Option<bool>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    resources: Vec<SynthResource>,
    event_type: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    management_event: Option<bool>,
    recipient_account_id: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    error_code: Option<&'static str>,
    event_category: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    vpc_endpoint_id: Option<String>,
    tls_details: TlsDetails,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct Identity {
    #[serde(rename = "type")]
    kind: &'static str,
    principal_id: String,
    arn: String,
    account_id: &'static str,
    access_key_id: String,
    session_context: SessionContext,
}

#[derive(Debug, Serialize)]
struct SessionContext {
    attributes: SessionAttributes,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct SessionAttributes {
    creation_date: &'static str,
    mfa_authenticated: &'static str,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct TlsDetails {
    tls_version: &'static str,
    cipher_suite: &'static str,
    client_provided_host_header: String,
}

#[derive(Debug, Serialize)]
struct SynthResource {
    #[serde(rename = "accountId", skip_serializing_if = "Option::is_none")]
    account_id: Option<&'static str>,
    #[serde(rename = "type")]
    resource_type: &'static str,
    #[serde(rename = "ARN")]
    arn: String,
}

/// `requestParameters`, one shape per kind of call.
#[derive(Debug, Serialize)]
#[serde(untagged)]
enum Parameters {
    #[serde(rename_all = "camelCase")]
    Describe { max_results: u32, filter_set: FilterSet },
    #[serde(rename_all = "camelCase")]
    S3Object {
        bucket_name: &'static str,
        key: String,
        #[serde(rename = "Host")]
        host: String,
    },
    #[serde(rename_all = "camelCase")]
    Invoke { function_name: String, invocation_type: &'static str },
    #[serde(rename_all = "camelCase")]
    Item { table_name: &'static str, key: ItemKey },
}

#[derive(Debug, Serialize)]
struct FilterSet {
    items: [Filter; 1],
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct Filter {
    name: &'static str,
    value_set: ValueSet,
}

#[derive(Debug, Serialize)]
struct ValueSet {
    items: [TagValue; 1],
}

#[derive(Debug, Serialize)]
struct TagValue {
    value: &'static str,
}

#[derive(Debug, Serialize)]
struct ItemKey {
    id: StringAttribute,
}

#[derive(Debug, Serialize)]
struct StringAttribute {
    #[serde(rename = "S")]
    s: String,
}

fn identity(rng: &mut Rng) -> Identity {
    let user = rng.pick(USERS);
    let role = *user == "bucket-scanner-role" || *user == "deploy-bot";
    let arn = if role {
        format!("arn:aws:sts::{ACCOUNT}:assumed-role/{user}/session-{}", rng.below(1000))
    } else {
        format!("arn:aws:iam::{ACCOUNT}:user/{user}")
    };
    Identity {
        kind: if role { "AssumedRole" } else { "IAMUser" },
        principal_id: format!("AIDA{:016X}", rng.next_u64()),
        arn,
        account_id: ACCOUNT,
        access_key_id: format!("AKIA{:016X}", rng.next_u64()),
        session_context: SessionContext {
            attributes: SessionAttributes { creation_date: "2026-11-20T11:58:01Z", mfa_authenticated: "false" },
        },
    }
}

/// A data event: what `record` needs besides the common members.
struct DataEvent {
    source: &'static str,
    name: &'static str,
    read_only: bool,
    resources: Vec<SynthResource>,
    parameters: Parameters,
}

fn data_event(rng: &mut Rng, region: &str) -> DataEvent {
    match rng.below(10) {
        0..=5 => {
            let bucket = *rng.pick(BUCKETS);
            let key = format!(
                "{}/{}/part-{:05}.json",
                rng.pick(&["images", "logs", "exports", "tmp"]),
                rng.below(365),
                rng.below(100_000)
            );
            let (name, read_only) = *rng.pick(&[
                ("GetObject", true),
                ("GetObject", true),
                ("PutObject", false),
                ("DeleteObject", false),
                ("HeadObject", true),
            ]);
            let resources = vec![
                SynthResource {
                    account_id: None,
                    resource_type: "AWS::S3::Object",
                    arn: format!("arn:aws:s3:::{bucket}/{key}"),
                },
                SynthResource {
                    account_id: Some(ACCOUNT),
                    resource_type: "AWS::S3::Bucket",
                    arn: format!("arn:aws:s3:::{bucket}"),
                },
            ];
            let host = format!("{bucket}.s3.{region}.amazonaws.com");
            let parameters = Parameters::S3Object { bucket_name: bucket, key, host };
            DataEvent { source: "s3.amazonaws.com", name, read_only, resources, parameters }
        }
        6..=8 => {
            let function = rng.pick(FUNCTIONS);
            let arn = format!("arn:aws:lambda:{region}:{ACCOUNT}:function:{function}");
            let resources = vec![SynthResource {
                account_id: Some(ACCOUNT),
                resource_type: "AWS::Lambda::Function",
                arn: arn.clone(),
            }];
            let parameters = Parameters::Invoke { function_name: arn, invocation_type: "RequestResponse" };
            DataEvent { source: "lambda.amazonaws.com", name: "Invoke", read_only: false, resources, parameters }
        }
        _ => {
            let table = *rng.pick(TABLES);
            let (name, read_only) = *rng.pick(&[("GetItem", true), ("PutItem", false), ("Query", true)]);
            let resources = vec![SynthResource {
                account_id: Some(ACCOUNT),
                resource_type: "AWS::DynamoDB::Table",
                arn: format!("arn:aws:dynamodb:{region}:{ACCOUNT}:table/{table}"),
            }];
            let parameters =
                Parameters::Item { table_name: table, key: ItemKey { id: StringAttribute { s: uuid(rng) } } };
            DataEvent { source: "dynamodb.amazonaws.com", name, read_only, resources, parameters }
        }
    }
}

fn describe_parameters() -> Parameters {
    let filter = Filter { name: "tag:team", value_set: ValueSet { items: [TagValue { value: "platform" }] } };
    Parameters::Describe { max_results: 50, filter_set: FilterSet { items: [filter] } }
}

/// One record: about 60% management, 38% data, 2% network activity events.
pub fn record(rng: &mut Rng, index: u64) -> SynthRecord {
    let region = *rng.pick(REGIONS);
    let roll = rng.below(100);
    let event = if roll < 60 {
        let (source, name, read_only) = *rng.pick(MANAGEMENT);
        let parameters = describe_parameters();
        (DataEvent { source, name, read_only, resources: Vec::new(), parameters }, "Management")
    } else if roll < 98 {
        (data_event(rng, region), "Data")
    } else {
        let parameters = describe_parameters();
        let source = "kms.amazonaws.com";
        (DataEvent { source, name: "ListKeys", read_only: true, resources: Vec::new(), parameters }, "NetworkActivity")
    };
    let (event, category) = event;
    let network = category == "NetworkActivity";
    let user_identity = identity(rng);
    let source_ip_address = format!("198.51.100.{}", rng.below(255));
    let user_agent = *rng.pick(USER_AGENTS);
    SynthRecord {
        event_version: "1.11",
        user_identity,
        event_time: format!("2026-11-20T{:02}:{:02}:{:02}Z", (index / 3600) % 24, (index / 60) % 60, index % 60),
        event_source: event.source,
        event_name: event.name,
        aws_region: region,
        source_ip_address,
        user_agent,
        request_parameters: (!network).then_some(event.parameters),
        response_elements: (),
        request_id: uuid(rng),
        event_id: uuid(rng),
        read_only: (!network).then_some(event.read_only),
        resources: event.resources,
        event_type: if network { "AwsVpceEvent" } else { "AwsApiCall" },
        management_event: (category == "Management").then_some(true),
        recipient_account_id: ACCOUNT,
        error_code: None,
        event_category: category,
        vpc_endpoint_id: network.then(|| format!("vpce-{:017x}", rng.next_u64() >> 4)),
        tls_details: TlsDetails {
            tls_version: "TLSv1.3",
            cipher_suite: "TLS_AES_128_GCM_SHA256",
            client_provided_host_header: format!(
                "{}.{region}.amazonaws.com",
                event.source.trim_end_matches(".amazonaws.com")
            ),
        },
    }
    .with_vpce_denials(rng)
}

impl SynthRecord {
    /// A quarter of network activity events were denied by a VPC endpoint policy.
    fn with_vpce_denials(mut self, rng: &mut Rng) -> Self {
        if self.vpc_endpoint_id.is_some() && rng.below(4) == 0 {
            self.error_code = Some("VpceAccessDenied");
        }
        self
    }

    /// The record as JSON text.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

const USER_AGENTS: &[&str] = &[
    "aws-cli/2.15.0 Python/3.11.6 Linux/6.1 exe/x86_64.amzn.2023",
    "Boto3/1.34.0 md/Botocore#1.34.0 ua/2.0 os/linux#6.1 md/arch#x86_64 lang/python#3.11.6",
    "[S3Console/0.4]",
];

/// Record `index` of the log made from `seed`. Each record draws from its own generator, so any
/// record can be made again without the ones before it (to explain one row of a large log).
pub fn record_at(seed: u64, index: u64) -> SynthRecord {
    let mut mixer = Rng::new(seed ^ index.wrapping_mul(0xD6E8_FEB8_6659_FD93));
    record(&mut Rng::new(mixer.next_u64()), index)
}

/// A CloudTrail log file `{"Records": [...]}` of `events` records, produced in pieces so that
/// a large log never has to be held whole.
#[derive(Debug, Clone)]
pub struct LogWriter {
    seed: u64,
    next: u64,
    events: u64,
    done: bool,
}

impl LogWriter {
    pub fn new(seed: u64, events: u64) -> Self {
        LogWriter { seed, next: 0, events, done: false }
    }

    /// Appends up to `records` more records (and the log's opening or closing bytes) to `out`;
    /// false once the log is complete and nothing was appended.
    pub fn write_next(&mut self, records: u64, out: &mut Vec<u8>) -> bool {
        if self.done {
            return false;
        }
        if self.next == 0 {
            out.extend_from_slice(b"{\"Records\":[");
        }
        let end = (self.next + records.max(1)).min(self.events);
        while self.next < end {
            if self.next > 0 {
                out.push(b',');
            }
            out.extend_from_slice(record_at(self.seed, self.next).to_json().as_bytes());
            self.next += 1;
        }
        if self.next == self.events {
            out.extend_from_slice(b"]}\n");
            self.done = true;
        }
        true
    }
}

/// The whole log, handed to `out` piece by piece.
pub fn write_log(seed: u64, events: u64, out: &mut impl FnMut(&[u8])) {
    let mut writer = LogWriter::new(seed, events);
    let mut buffer = Vec::new();
    while writer.write_next(256, &mut buffer) {
        out(&buffer);
        buffer.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_bytes_and_realistic_sizes() {
        let collect = |seed| {
            let mut bytes = Vec::new();
            write_log(seed, 200, &mut |b| bytes.extend_from_slice(b));
            bytes
        };
        let log = collect(7);
        assert_eq!(log, collect(7));
        assert_ne!(log, collect(8));
        let average = log.len() / 200;
        assert!((700..2200).contains(&average), "average record size {average}");
        let mut pieces = Vec::new();
        let mut writer = LogWriter::new(7, 200);
        while writer.write_next(7, &mut pieces) {}
        assert_eq!(pieces, log, "pieces of any size make the same log");
        let parsed: serde_json::Value = serde_json::from_slice(&log).unwrap();
        let records = parsed["Records"].as_array().unwrap();
        let data = records.iter().filter(|r| r["eventCategory"] == "Data").count();
        assert!((40..120).contains(&data), "{data} data events of 200");
        for (i, r) in records.iter().enumerate() {
            assert_eq!(r, &serde_json::to_value(record_at(7, i as u64)).unwrap(), "record {i} on its own");
        }
    }
}
