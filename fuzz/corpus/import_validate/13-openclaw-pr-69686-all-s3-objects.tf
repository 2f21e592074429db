# The event selector generated in openclaw/openclaw pull request #69686 (reduced): a review
# bot called `arn:aws:s3` invalid; AWS accepts it as "all S3 objects" (awsdocs/aws-cloudformation-
# user-guide pull request #770, tested in CloudFormation).
resource "aws_cloudtrail" "this" {
  name           = "audit-trail"
  s3_bucket_name = aws_s3_bucket.this.id

  event_selector {
    read_write_type           = "All"
    include_management_events = true
    data_resource {
      type   = "AWS::S3::Object"
      values = ["arn:aws:s3"]
    }
  }
}
