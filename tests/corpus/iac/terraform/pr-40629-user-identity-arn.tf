# The example of hashicorp/terraform-provider-aws pull request #40629 (reduced): valid for AWS,
# refused at plan by providers before that pull request ("expected ... field to be one of [...],
# got userIdentity.arn").
resource "aws_cloudtrail" "example" {
  name           = "example"
  s3_bucket_name = "example-bucket"

  advanced_event_selector {
    name = "Capture DynamoDB data events filtered by human roles"

    field_selector {
      field  = "eventCategory"
      equals = ["Data"]
    }

    field_selector {
      field = "userIdentity.arn"

      ends_with = [
        "HumanRole"
      ]
    }

    field_selector {
      field  = "resources.type"
      equals = ["AWS::DynamoDB::Table"]
    }
  }
}
