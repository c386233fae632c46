import type { CloudFormationMapping, PropertyMapper } from "../../cloudformation-mapping.ts";

const setting =
  (name: string): PropertyMapper =>
  (value) => ({ PublicAccessBlockConfiguration: { [name]: value } });

export const s3BucketPublicAccessBlock: CloudFormationMapping = {
  type: "AWS::S3::Bucket",
  mergeInto: "bucket",
  properties: {
    bucket: () => ({}),
    block_public_acls: setting("BlockPublicAcls"),
    block_public_policy: setting("BlockPublicPolicy"),
    ignore_public_acls: setting("IgnorePublicAcls"),
    restrict_public_buckets: setting("RestrictPublicBuckets"),
  },
  attributes: {},
};
