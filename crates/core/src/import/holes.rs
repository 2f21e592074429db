//! What a reference in a template stands for, when the reference says it (decisions D45): a
//! partition (or its DNS suffix), an account id, or the name or ARN of an S3 bucket, Lambda function or DynamoDB
//! table that the file itself declares. Such a hole gets an example value of that form, and
//! the rules judge the template with its examples in place: every value of the form gives the
//! same verdict (a bucket name never holds `/`, `*` or `:`). A reference that can be anything
//! (a parameter, a variable) gets no example, and what depends on it is not checked.

use crate::source::unknown::Hole;

/// The forms a reference can be known to have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    Partition,
    /// The partition's DNS suffix (`amazonaws.com`), as in `kms.${...dns_suffix}`.
    DnsSuffix,
    AccountId,
    BucketName,
    BucketArn,
    FunctionName,
    FunctionArn,
    TableName,
    TableArn,
}

impl Form {
    /// The form of the `Ref` (name) or `Arn` attribute of a CloudFormation resource type, or of
    /// the `id`/`bucket`/`function_name`/`name` or `arn` attribute of a Terraform one.
    pub fn of_resource(resource_type: &str, attribute: &str) -> Option<Form> {
        let arn = attribute == "arn" || attribute == "Arn";
        let name = matches!(attribute, "" | "id" | "bucket" | "function_name" | "name");
        match resource_type {
            "AWS::S3::Bucket" | "aws_s3_bucket" if arn => Some(Form::BucketArn),
            "AWS::S3::Bucket" | "aws_s3_bucket" if name => Some(Form::BucketName),
            "AWS::Lambda::Function" | "aws_lambda_function" if arn => Some(Form::FunctionArn),
            "AWS::Lambda::Function" | "aws_lambda_function" if name => Some(Form::FunctionName),
            "AWS::DynamoDB::Table" | "aws_dynamodb_table" if arn => Some(Form::TableArn),
            "AWS::DynamoDB::Table" | "aws_dynamodb_table" if name => Some(Form::TableName),
            _ => None,
        }
    }

    /// An example of the form; `n` keeps the examples of different resources apart (two
    /// buckets are not one duplicate value).
    fn example(self, n: usize) -> String {
        match self {
            Form::Partition => "aws".into(),
            Form::DnsSuffix => "amazonaws.com".into(),
            Form::AccountId => "123456789012".into(),
            Form::BucketName => format!("bucket-{n}"),
            Form::BucketArn => format!("arn:aws:s3:::bucket-{n}"),
            Form::FunctionName => format!("function-{n}"),
            Form::FunctionArn => format!("arn:aws:lambda:us-east-1:123456789012:function:function-{n}"),
            Form::TableName => format!("table-{n}"),
            Form::TableArn => format!("arn:aws:dynamodb:us-east-1:123456789012:table/table-{n}"),
        }
    }
}

/// Numbers the resources that holes name, so that one resource always gets one example.
#[derive(Default)]
pub struct Examples {
    resources: Vec<String>,
}

impl Examples {
    /// A hole written `expression`, naming `resource` (its logical ID or address), of `form`.
    pub fn hole(&mut self, expression: &str, resource: &str, form: Option<Form>) -> Hole {
        let example = form.map(|f| match f {
            Form::Partition | Form::DnsSuffix | Form::AccountId => f.example(0),
            Form::BucketName
            | Form::BucketArn
            | Form::FunctionName
            | Form::FunctionArn
            | Form::TableName
            | Form::TableArn => f.example(self.number(resource)),
        });
        Hole { expression: expression.to_string(), example }
    }

    fn number(&mut self, resource: &str) -> usize {
        match self.resources.iter().position(|r| r == resource) {
            Some(i) => i + 1,
            None => {
                self.resources.push(resource.to_string());
                self.resources.len()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::data_value;

    #[test]
    fn one_resource_one_example_and_every_example_has_its_form() {
        let mut examples = Examples::default();
        let a = examples.hole("A.Arn", "A", Some(Form::BucketArn));
        let b = examples.hole("B", "B", Some(Form::BucketName));
        let a_again = examples.hole("A", "A", Some(Form::BucketName));
        assert_eq!(a.example.as_deref(), Some("arn:aws:s3:::bucket-1"));
        assert_eq!(b.example.as_deref(), Some("bucket-2"));
        assert_eq!(a_again.example.as_deref(), Some("bucket-1"));
        assert_eq!(examples.hole("P", "P", None).example, None);
        let value = |form: Form, suffix: &str| format!("{}{suffix}", form.example(1));
        assert!(data_value::parse("AWS::S3::Object", &value(Form::BucketArn, "/")).is_ok());
        assert!(data_value::parse("AWS::S3::Object", &value(Form::BucketArn, "")).is_err());
        assert!(data_value::parse("AWS::Lambda::Function", &value(Form::FunctionArn, "")).is_ok());
        assert!(data_value::parse("AWS::DynamoDB::Table", &value(Form::TableArn, "")).is_ok());
    }

    #[test]
    fn forms_follow_the_resource_type_and_attribute() {
        assert_eq!(Form::of_resource("AWS::S3::Bucket", ""), Some(Form::BucketName));
        assert_eq!(Form::of_resource("aws_s3_bucket", "arn"), Some(Form::BucketArn));
        assert_eq!(Form::of_resource("aws_s3_bucket", "region"), None);
        assert_eq!(Form::of_resource("AWS::SQS::Queue", "Arn"), None);
    }
}
