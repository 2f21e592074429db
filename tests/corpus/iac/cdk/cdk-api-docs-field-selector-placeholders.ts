// The generated example of the CDK API reference, CfnTrail.AdvancedFieldSelectorProperty
// ("The values are placeholders you should change"), as the one field selector of a trail:
// deployed unchanged, AWS refuses it (field "field" is not eventCategory).
import { aws_cloudtrail as cloudtrail } from 'aws-cdk-lib';

new cloudtrail.CfnTrail(this, 'Trail', {
  isLogging: true,
  s3BucketName: 'my-bucket',
  advancedEventSelectors: [{
    fieldSelectors: [{
      field: 'field',
      // the properties below are optional
      endsWith: ['endsWith'],
      equalTo: ['equalTo'],
      notEndsWith: ['notEndsWith'],
      notEquals: ['notEquals'],
      notStartsWith: ['notStartsWith'],
      startsWith: ['startsWith'],
    }],
  }],
});
