import { type CloudFormationMapping, single } from "../../cloudformation-mapping.ts";

export const s3BucketVersioning: CloudFormationMapping = {
  type: "AWS::S3::Bucket",
  mergeInto: "bucket",
  properties: {
    bucket: () => ({}),
    versioning_configuration: (value) => ({
      VersioningConfiguration: { Status: single(value).status ?? "Enabled" },
    }),
  },
  attributes: {},
};
