# Reduced from hashicorp/terraform-provider-aws, website/docs/r/cloudtrail.html.markdown, the
# 2018 example (MPL-2.0).
resource "aws_cloudtrail" "foobar" {
  name                          = "tf-trail-foobar"
  s3_bucket_name                = "${aws_s3_bucket.foo.id}"
  s3_key_prefix                 = "prefix"
  include_global_service_events = false

  event_selector {
    read_write_type = "All"
    include_management_events = false
    data_resource {
      type = "AWS::S3::Object"
      values = [
         "arn:aws:s3:::tf-bucket/foobar",
       ]
    }
  }
}
