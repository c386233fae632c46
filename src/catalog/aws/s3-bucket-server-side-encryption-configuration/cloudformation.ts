import type { Value } from "../../../model/value.ts";
import { type CloudFormationMapping, single } from "../../cloudformation-mapping.ts";

export const s3BucketServerSideEncryptionConfiguration: CloudFormationMapping = {
  type: "AWS::S3::Bucket",
  mergeInto: "bucket",
  properties: {
    bucket: () => ({}),
    rule: (value) => ({
      BucketEncryption: {
        ServerSideEncryptionConfiguration: (Array.isArray(value) ? value : [value]).map((rule) => {
          const defaults = single(single(rule).apply_server_side_encryption_by_default);
          const byDefault: Record<string, Value> = { SSEAlgorithm: defaults.sse_algorithm ?? "AES256" };
          if (defaults.kms_master_key_id !== undefined) byDefault.KMSMasterKeyID = defaults.kms_master_key_id;
          const keyEnabled = single(rule).bucket_key_enabled;
          return {
            ServerSideEncryptionByDefault: byDefault,
            ...(keyEnabled !== undefined ? { BucketKeyEnabled: keyEnabled } : {}),
          };
        }),
      },
    }),
  },
  attributes: {},
};
