import type { CloudFormationMapping } from "../../cloudformation-mapping.ts";

export const s3BucketLogging: CloudFormationMapping = {
  type: "AWS::S3::Bucket",
  mergeInto: "bucket",
  properties: {
    bucket: () => ({}),
    target_bucket: (value) => ({ LoggingConfiguration: { DestinationBucketName: value } }),
    target_prefix: (value) => ({ LoggingConfiguration: { LogFilePrefix: value } }),
  },
  attributes: {},
};
