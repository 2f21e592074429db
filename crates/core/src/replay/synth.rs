//! A reproducible generator of realistic synthetic CloudTrail logs: mixed services, management
//! and data events, S3/Lambda/DynamoDB resources, records of about 1-2 KB shaped like real
//! ones (spec §7.1). Same seed, same bytes. Used by the benchmark, the CLI (`trailscope synth`)
//! and the page's large sample log.

use serde_json::{json, Value};

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

fn identity(rng: &mut Rng) -> Value {
    let user = rng.pick(USERS);
    let role = *user == "bucket-scanner-role" || *user == "deploy-bot";
    let arn = if role {
        format!("arn:aws:sts::{ACCOUNT}:assumed-role/{user}/session-{}", rng.below(1000))
    } else {
        format!("arn:aws:iam::{ACCOUNT}:user/{user}")
    };
    json!({
        "type": if role { "AssumedRole" } else { "IAMUser" },
        "principalId": format!("AIDA{:016X}", rng.next_u64()),
        "arn": arn,
        "accountId": ACCOUNT,
        "accessKeyId": format!("AKIA{:016X}", rng.next_u64()),
        "sessionContext": {"attributes": {"creationDate": "2026-11-20T11:58:01Z", "mfaAuthenticated": "false"}}
    })
}

/// A data event's (source, name, readOnly, resources, requestParameters).
fn data_event(rng: &mut Rng, region: &str) -> (&'static str, &'static str, bool, Value, Value) {
    match rng.below(10) {
        0..=5 => {
            let bucket = rng.pick(BUCKETS);
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
            let resources = json!([
                {"type": "AWS::S3::Object", "ARN": format!("arn:aws:s3:::{bucket}/{key}")},
                {"accountId": ACCOUNT, "type": "AWS::S3::Bucket", "ARN": format!("arn:aws:s3:::{bucket}")}
            ]);
            (
                "s3.amazonaws.com",
                name,
                read_only,
                resources,
                json!({"bucketName": bucket, "key": key, "Host": format!("{bucket}.s3.{region}.amazonaws.com")}),
            )
        }
        6..=8 => {
            let function = rng.pick(FUNCTIONS);
            let arn = format!("arn:aws:lambda:{region}:{ACCOUNT}:function:{function}");
            let resources = json!([{"accountId": ACCOUNT, "type": "AWS::Lambda::Function", "ARN": arn}]);
            (
                "lambda.amazonaws.com",
                "Invoke",
                false,
                resources,
                json!({"functionName": arn, "invocationType": "RequestResponse"}),
            )
        }
        _ => {
            let table = rng.pick(TABLES);
            let (name, read_only) = *rng.pick(&[("GetItem", true), ("PutItem", false), ("Query", true)]);
            let resources = json!([{"accountId": ACCOUNT, "type": "AWS::DynamoDB::Table", "ARN": format!("arn:aws:dynamodb:{region}:{ACCOUNT}:table/{table}")}]);
            (
                "dynamodb.amazonaws.com",
                name,
                read_only,
                resources,
                json!({"tableName": table, "key": {"id": {"S": uuid(rng)}}}),
            )
        }
    }
}

/// One record: about 60% management, 38% data, 2% network activity events.
pub fn record(rng: &mut Rng, index: u64) -> Value {
    let region = *rng.pick(REGIONS);
    let roll = rng.below(100);
    let (source, name, read_only, category, resources, parameters) = if roll < 60 {
        let (s, n, r) = *rng.pick(MANAGEMENT);
        (
            s,
            n,
            Some(r),
            "Management",
            Value::Null,
            json!({"maxResults": 50, "filterSet": {"items": [{"name": "tag:team", "valueSet": {"items": [{"value": "platform"}]}}]}}),
        )
    } else if roll < 98 {
        let (s, n, r, res, p) = data_event(rng, region);
        (s, n, Some(r), "Data", res, p)
    } else {
        ("kms.amazonaws.com", "ListKeys", None, "NetworkActivity", Value::Null, Value::Null)
    };
    let mut record = json!({
        "eventVersion": "1.11",
        "userIdentity": identity(rng),
        "eventTime": format!("2026-11-20T{:02}:{:02}:{:02}Z", (index / 3600) % 24, (index / 60) % 60, index % 60),
        "eventSource": source,
        "eventName": name,
        "awsRegion": region,
        "sourceIPAddress": format!("198.51.100.{}", rng.below(255)),
        "userAgent": rng.pick(&["aws-cli/2.15.0 Python/3.11.6 Linux/6.1 exe/x86_64.amzn.2023", "Boto3/1.34.0 md/Botocore#1.34.0 ua/2.0 os/linux#6.1 md/arch#x86_64 lang/python#3.11.6", "[S3Console/0.4]"]),
        "requestParameters": parameters,
        "responseElements": null,
        "requestID": uuid(rng),
        "eventID": uuid(rng),
        "eventType": if category == "NetworkActivity" { "AwsVpceEvent" } else { "AwsApiCall" },
        "recipientAccountId": ACCOUNT,
        "eventCategory": category,
        "tlsDetails": {"tlsVersion": "TLSv1.3", "cipherSuite": "TLS_AES_128_GCM_SHA256", "clientProvidedHostHeader": format!("{}.{region}.amazonaws.com", source.trim_end_matches(".amazonaws.com"))}
    });
    // `record` is the object literal above; the branch only keeps the code free of panics.
    if let Some(fields) = record.as_object_mut() {
        if let Some(r) = read_only {
            fields.insert("readOnly".into(), Value::Bool(r));
        }
        if category == "Management" {
            fields.insert("managementEvent".into(), Value::Bool(true));
        }
        if category == "NetworkActivity" {
            fields.insert("vpcEndpointId".into(), Value::String(format!("vpce-{:017x}", rng.next_u64() >> 4)));
            if rng.below(4) == 0 {
                fields.insert("errorCode".into(), Value::String("VpceAccessDenied".into()));
            }
        }
        if !resources.is_null() {
            fields.insert("resources".into(), resources);
        }
    }
    record
}

/// Record `index` of the log made from `seed`. Each record draws from its own generator, so any
/// record can be made again without the ones before it (to explain one row of a large log).
pub fn record_at(seed: u64, index: u64) -> Value {
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
            out.extend_from_slice(record_at(self.seed, self.next).to_string().as_bytes());
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
        let parsed: Value = serde_json::from_slice(&log).unwrap();
        let records = parsed["Records"].as_array().unwrap();
        let data = records.iter().filter(|r| r["eventCategory"] == "Data").count();
        assert!((40..120).contains(&data), "{data} data events of 200");
        for (i, r) in records.iter().enumerate() {
            assert_eq!(r.to_string(), record_at(7, i as u64).to_string(), "record {i} on its own");
        }
    }
}
