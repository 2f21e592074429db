//! Sample requests for the page's samples menu, each with the outcome it demonstrates. The
//! core's tests check every outcome, so a sample can never silently stop showing its point.

use crate::context::DEFAULT_CONTEXT_JSON;
use crate::diagnostic::Code;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expect {
    /// Succeeds (warnings allowed).
    Valid,
    /// Fails with this exception.
    Error(Code),
}

#[derive(Debug, Clone, Copy)]
pub struct Sample {
    pub id: &'static str,
    pub title: &'static str,
    pub description: &'static str,
    pub request: &'static str,
    /// The account context; the default context when `None`.
    pub context: Option<&'static str>,
    pub expect: Expect,
}

impl Sample {
    pub fn context_json(&self) -> &'static str {
        self.context.unwrap_or(DEFAULT_CONTEXT_JSON)
    }
}

pub fn find(id: &str) -> Option<&'static Sample> {
    SAMPLES.iter().find(|s| s.id == id)
}

/// The sample the page opens with.
pub const DEFAULT_SAMPLE: &Sample = &SAMPLES[0];

pub const SAMPLES: &[Sample] = &[
    Sample {
        id: "default-trail",
        title: "Default trail: all management events",
        description: "What a new trail logs: all read and write management events, no data events.",
        request: r#"{
  "TrailName": "management-events",
  "EventSelectors": [
    {
      "ReadWriteType": "All",
      "IncludeManagementEvents": true,
      "DataResources": [],
      "ExcludeManagementEventSources": []
    }
  ]
}
"#,
        context: None,
        expect: Expect::Valid,
    },
    Sample {
        id: "write-only-management",
        title: "Write-only management events",
        description: "Logs RunInstances (write) but not GetConsoleOutput (read).",
        request: r#"{
  "TrailName": "management-events",
  "EventSelectors": [
    {
      "ReadWriteType": "WriteOnly",
      "IncludeManagementEvents": true
    }
  ]
}
"#,
        context: None,
        expect: Expect::Valid,
    },
    Sample {
        id: "s3-whole-bucket",
        title: "A whole S3 bucket",
        description: "All object-level events in one bucket: the bucket ARN with a trailing slash (empty prefix).",
        request: r#"{
  "TrailName": "management-events",
  "EventSelectors": [
    {
      "ReadWriteType": "All",
      "IncludeManagementEvents": true,
      "DataResources": [
        {
          "Type": "AWS::S3::Object",
          "Values": ["arn:aws:s3:::amzn-s3-demo-bucket1/"]
        }
      ]
    }
  ]
}
"#,
        context: None,
        expect: Expect::Valid,
    },
    Sample {
        id: "s3-prefix",
        title: "An S3 prefix, writes only",
        description: "Write events on objects under my-images/ in one bucket; GetObject is not logged.",
        request: r#"{
  "TrailName": "management-events",
  "EventSelectors": [
    {
      "ReadWriteType": "WriteOnly",
      "IncludeManagementEvents": false,
      "DataResources": [
        {
          "Type": "AWS::S3::Object",
          "Values": ["arn:aws:s3:::amzn-s3-demo-bucket3/my-images"]
        }
      ]
    }
  ]
}
"#,
        context: None,
        expect: Expect::Valid,
    },
    Sample {
        id: "all-lambda",
        title: "All Lambda functions",
        description: "Every Invoke in the account: valid, with a cost warning (data events are billed per event).",
        request: r#"{
  "TrailName": "management-events",
  "EventSelectors": [
    {
      "ReadWriteType": "All",
      "IncludeManagementEvents": true,
      "DataResources": [
        {
          "Type": "AWS::Lambda::Function",
          "Values": ["arn:aws:lambda"]
        }
      ]
    }
  ]
}
"#,
        context: None,
        expect: Expect::Valid,
    },
    Sample {
        id: "one-lambda",
        title: "One exact Lambda function",
        description: "Lambda ARNs match exactly: helloworld does not cover helloworld2.",
        request: r#"{
  "TrailName": "management-events",
  "EventSelectors": [
    {
      "ReadWriteType": "All",
      "IncludeManagementEvents": true,
      "DataResources": [
        {
          "Type": "AWS::Lambda::Function",
          "Values": ["arn:aws:lambda:us-west-2:111111111111:function:helloworld"]
        }
      ]
    }
  ]
}
"#,
        context: None,
        expect: Expect::Valid,
    },
    Sample {
        id: "exclude-kms-rdsdata",
        title: "Exclude KMS and RDS Data API events",
        description: "All management events except the high-volume kms and rdsdata sources.",
        request: r#"{
  "TrailName": "management-events",
  "EventSelectors": [
    {
      "ReadWriteType": "All",
      "IncludeManagementEvents": true,
      "ExcludeManagementEventSources": ["kms.amazonaws.com", "rdsdata.amazonaws.com"]
    }
  ]
}
"#,
        context: None,
        expect: Expect::Valid,
    },
    Sample {
        id: "advanced-s3-putobject",
        title: "Advanced: only S3 PutObject on one bucket",
        description: "One data selector: category, resource type, event name and a bucket prefix.",
        request: r#"{
  "TrailName": "management-events",
  "AdvancedEventSelectors": [
    {
      "Name": "PutObject on amzn-s3-demo-bucket",
      "FieldSelectors": [
        { "Field": "eventCategory", "Equals": ["Data"] },
        { "Field": "resources.type", "Equals": ["AWS::S3::Object"] },
        { "Field": "eventName", "Equals": ["PutObject"] },
        { "Field": "resources.ARN", "StartsWith": ["arn:aws:s3:::amzn-s3-demo-bucket/"] }
      ]
    }
  ]
}
"#,
        context: None,
        expect: Expect::Valid,
    },
    Sample {
        id: "advanced-no-kms-reads",
        title: "Advanced: management events without noisy read-only KMS",
        description: "All management events except KMS, plus all write management events: only read-only KMS events are dropped.",
        request: r#"{
  "TrailName": "management-events",
  "AdvancedEventSelectors": [
    {
      "Name": "Management events except KMS",
      "FieldSelectors": [
        { "Field": "eventCategory", "Equals": ["Management"] },
        { "Field": "eventSource", "NotEquals": ["kms.amazonaws.com"] }
      ]
    },
    {
      "Name": "Write management events, KMS included",
      "FieldSelectors": [
        { "Field": "eventCategory", "Equals": ["Management"] },
        { "Field": "readOnly", "Equals": ["false"] }
      ]
    }
  ]
}
"#,
        context: None,
        expect: Expect::Valid,
    },
    Sample {
        id: "advanced-network-activity",
        title: "Advanced: KMS calls denied by a VPC endpoint policy",
        description: "Network activity events for KMS, only those with errorCode VpceAccessDenied.",
        request: r#"{
  "TrailName": "management-events",
  "AdvancedEventSelectors": [
    {
      "Name": "Denied KMS calls through VPC endpoints",
      "FieldSelectors": [
        { "Field": "eventCategory", "Equals": ["NetworkActivity"] },
        { "Field": "eventSource", "Equals": ["kms.amazonaws.com"] },
        { "Field": "errorCode", "Equals": ["VpceAccessDenied"] }
      ]
    }
  ]
}
"#,
        context: None,
        expect: Expect::Valid,
    },
    Sample {
        id: "invalid-trail-name",
        title: "Invalid: trail name with adjacent dashes",
        description: "InvalidTrailNameException: names cannot have two punctuation marks in a row.",
        request: r#"{
  "TrailName": "my--trail",
  "EventSelectors": [
    { "ReadWriteType": "All", "IncludeManagementEvents": true }
  ]
}
"#,
        context: None,
        expect: Expect::Error(Code::InvalidTrailNameException),
    },
    Sample {
        id: "invalid-bucket-without-slash",
        title: "Invalid: S3 bucket without trailing slash",
        description: "InvalidEventSelectorsException, AWS's own message: the bucket ARN needs a trailing /.",
        request: r#"{
  "TrailName": "management-events",
  "EventSelectors": [
    {
      "ReadWriteType": "All",
      "IncludeManagementEvents": true,
      "DataResources": [
        { "Type": "AWS::S3::Object", "Values": ["arn:aws:s3:::data-bucket"] }
      ]
    }
  ]
}
"#,
        context: None,
        expect: Expect::Error(Code::InvalidEventSelectorsException),
    },
    Sample {
        id: "invalid-param-validation",
        title: "Invalid: caught by the SDK before sending",
        description: "ParamValidationError: a string where a boolean belongs, and an empty FieldSelectors list.",
        request: r#"{
  "TrailName": "management-events",
  "AdvancedEventSelectors": [
    {
      "Name": "Oops",
      "FieldSelectors": []
    }
  ],
  "IncludeManagementEvents": "yes"
}
"#,
        context: None,
        expect: Expect::Error(Code::ParamValidationError),
    },
    Sample {
        id: "invalid-unknown-trail",
        title: "Invalid: a trail that does not exist",
        description: "TrailNotFoundException: no trail of that name in the caller's account.",
        request: r#"{
  "TrailName": "myTrail2",
  "EventSelectors": [
    { "ReadWriteType": "All" }
  ]
}
"#,
        context: None,
        expect: Expect::Error(Code::TrailNotFoundException),
    },
    Sample {
        id: "invalid-home-region",
        title: "Invalid: called from the wrong Region",
        description: "InvalidHomeRegionException: eu-data-events lives in eu-west-1, the call goes to us-east-1.",
        request: r#"{
  "TrailName": "eu-data-events",
  "EventSelectors": [
    { "ReadWriteType": "All" }
  ]
}
"#,
        context: None,
        expect: Expect::Error(Code::InvalidHomeRegionException),
    },
    Sample {
        id: "invalid-trail-arn",
        title: "Invalid: malformed trail ARN",
        description: "CloudTrailARNInvalidException: the region does not belong to the partition.",
        request: r#"{
  "TrailName": "arn:aws:cloudtrail:cn-north-1:123456789012:trail/management-events",
  "EventSelectors": [
    { "ReadWriteType": "All" }
  ]
}
"#,
        context: None,
        expect: Expect::Error(Code::CloudTrailArnInvalidException),
    },
    Sample {
        id: "invalid-advanced-operator",
        title: "Invalid: StartsWith on readOnly",
        description: "InvalidEventSelectorsException: Equals is the only operator readOnly accepts.",
        request: r#"{
  "TrailName": "management-events",
  "AdvancedEventSelectors": [
    {
      "FieldSelectors": [
        { "Field": "eventCategory", "Equals": ["Management"] },
        { "Field": "readOnly", "StartsWith": ["t"] }
      ]
    }
  ]
}
"#,
        context: None,
        expect: Expect::Error(Code::InvalidEventSelectorsException),
    },
    Sample {
        id: "invalid-org-trail-member",
        title: "Invalid: organization trail from a member account",
        description: "NotOrganizationMasterAccountException: the caller (a member account) may not change the organization's trail.",
        request: r#"{
  "TrailName": "arn:aws:cloudtrail:us-east-1:111122223333:trail/org-audit",
  "EventSelectors": [
    { "ReadWriteType": "WriteOnly" }
  ]
}
"#,
        context: Some(
            r#"{
  "account": "444455556666",
  "region": "us-east-1",
  "organization": {
    "managementAccount": "111122223333",
    "delegatedAdministrators": []
  },
  "trails": [
    { "name": "org-audit", "homeRegion": "us-east-1", "account": "111122223333", "isOrganizationTrail": true }
  ]
}
"#,
        ),
        expect: Expect::Error(Code::NotOrganizationMasterAccountException),
    },
    Sample {
        id: "invalid-trail-busy",
        title: "Invalid: trail being modified",
        description: "ConflictException: another operation is updating the trail (simulated by status: updating).",
        request: r#"{
  "TrailName": "management-events",
  "EventSelectors": [
    { "ReadWriteType": "All" }
  ]
}
"#,
        context: Some(
            r#"{
  "account": "123456789012",
  "region": "us-east-1",
  "trails": [
    { "name": "management-events", "homeRegion": "us-east-1", "status": "updating" }
  ]
}
"#,
        ),
        expect: Expect::Error(Code::ConflictException),
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::service::{put_event_selectors, Outcome};
    use crate::AccountContext;

    #[test]
    fn every_sample_shows_its_outcome() {
        for sample in SAMPLES {
            let context = AccountContext::from_json(sample.context_json()).expect(sample.id);
            let evaluation = put_event_selectors(sample.request, Some(&context));
            match (sample.expect, &evaluation.outcome) {
                (Expect::Valid, Outcome::Response(_)) => {}
                (Expect::Error(code), Outcome::Error(e)) if e.error_type == code.as_str() => {}
                (expected, got) => panic!("{}: expected {expected:?}, got {got:?}", sample.id),
            }
        }
    }

    #[test]
    fn ids_are_unique_and_there_are_enough() {
        assert!(SAMPLES.len() >= 10);
        for (i, s) in SAMPLES.iter().enumerate() {
            assert!(SAMPLES[i + 1..].iter().all(|o| o.id != s.id), "{}", s.id);
        }
    }
}
