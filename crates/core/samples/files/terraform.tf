# Two trails: management writes on one, Lambda invocations on the organization's.
resource "aws_cloudtrail" "management" {
  name           = "management-events"
  s3_bucket_name = "example-trail-logs"

  event_selector {
    read_write_type           = "WriteOnly"
    include_management_events = true
  }
}

resource "aws_cloudtrail" "organization" {
  name                  = "org-audit"
  s3_bucket_name        = "example-trail-logs"
  is_organization_trail = true

  advanced_event_selector {
    name = "Lambda invocations"

    field_selector {
      field  = "eventCategory"
      equals = ["Data"]
    }

    field_selector {
      field  = "resources.type"
      equals = ["AWS::Lambda::Function"]
    }
  }
}
