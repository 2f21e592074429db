# Reduced from hashicorp/terraform-provider-aws, internal/service/cloudtrail/trail_test.go,
# testAccCloudTrailConfig_eventSelector (MPL-2.0); %[1]q replaced by a name.
resource "aws_cloudtrail" "test" {
  name           = "tf-acc-test-trail"
  s3_bucket_name = aws_s3_bucket.test.id

  event_selector {
    read_write_type           = "ReadOnly"
    include_management_events = false

    data_resource {
      type = "AWS::S3::Object"

      values = [
        "${aws_s3_bucket.test2.arn}/isen",
        "${aws_s3_bucket.test2.arn}/ko",
      ]
    }
  }
}

resource "aws_s3_bucket" "test2" {
  bucket        = "tf-acc-test-trail-2"
  force_destroy = true
}
