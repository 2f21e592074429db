# The configuration of hashicorp/terraform-provider-aws issue #4043 (reduced): AWS refused it,
# "InvalidEventSelectorsException: Value arn:aws:s3:::data-bucket for DataResources.Values is
# invalid."; the reporter: "If I add a trailing / to the bucket arn ... it works fine".
data "aws_s3_bucket" "data_bucket" {
  bucket = "data-bucket"
}

resource "aws_cloudtrail" "trail" {
  name                          = "a-name"
  s3_bucket_name                = "a-bucket"
  s3_key_prefix                 = "dev"
  include_global_service_events = false

  event_selector {
    read_write_type           = "All"
    include_management_events = false

    data_resource {
      type   = "AWS::S3::Object"
      values = ["${data.aws_s3_bucket.data_bucket.arn}"]
    }
  }
}
