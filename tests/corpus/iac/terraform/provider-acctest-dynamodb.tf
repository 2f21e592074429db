# Reduced from hashicorp/terraform-provider-aws, internal/service/cloudtrail/trail_test.go,
# testAccCloudTrailConfig_eventSelectorDynamoDB (MPL-2.0).
resource "aws_cloudtrail" "test" {
  name           = "tf-acc-test-trail"
  s3_bucket_name = aws_s3_bucket.test.id

  event_selector {
    read_write_type           = "All"
    include_management_events = true

    data_resource {
      type = "AWS::DynamoDB::Table"

      values = [
        aws_dynamodb_table.test.arn,
      ]
    }
  }
}
