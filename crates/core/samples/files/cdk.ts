import { CfnTrail } from 'aws-cdk-lib/aws-cloudtrail';

// Management events, writes only: RunInstances is logged, GetConsoleOutput is not.
new CfnTrail(this, 'ManagementTrail', {
  trailName: 'management-events',
  s3BucketName: 'example-trail-logs',
  isLogging: true,
  eventSelectors: [
    {
      readWriteType: 'WriteOnly',
      includeManagementEvents: true,
    },
  ],
});
