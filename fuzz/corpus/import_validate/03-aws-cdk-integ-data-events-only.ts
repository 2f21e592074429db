// The trail of aws/aws-cdk's integ.cloudtrail-data-events-only snapshot
// (integ-cloudtrail-data-events.template.json, Apache-2.0) written as CfnTrail props: the
// function's and the bucket's ARNs are CDK tokens, known only at deployment.
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';

new cloudtrail.CfnTrail(this, 'Trail', {
  enableLogFileValidation: true,
  eventSelectors: [
    {
      dataResources: [{ type: 'AWS::Lambda::Function', values: [lambdaFunction.functionArn] }],
      includeManagementEvents: false,
    },
    {
      dataResources: [{ type: 'AWS::S3::Object', values: [`${bucket.bucketArn}/`] }],
      includeManagementEvents: false,
    },
  ],
  includeGlobalServiceEvents: true,
  isLogging: true,
  isMultiRegionTrail: true,
  s3BucketName: trailBucket.bucketName,
});
