# Reduced from hashicorp/terraform-provider-aws, internal/service/cloudtrail/trail_test.go,
# testAccCloudTrailConfig_eventSelectorExcludeKMSAndRDSData (MPL-2.0).
data "aws_partition" "current" {}

resource "aws_cloudtrail" "test" {
  name           = "tf-acc-test-trail"
  s3_bucket_name = aws_s3_bucket.test.id

  event_selector {
    exclude_management_event_sources = [
      "kms.${data.aws_partition.current.dns_suffix}",
      "rdsdata.${data.aws_partition.current.dns_suffix}"
    ]
  }
}
