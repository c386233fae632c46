import type { Value } from "../../../model/value.ts";
import { type CloudFormationMapping, single } from "../../cloudformation-mapping.ts";

export const s3BucketLifecycleConfiguration: CloudFormationMapping = {
  type: "AWS::S3::Bucket",
  mergeInto: "bucket",
  properties: {
    bucket: () => ({}),
    rule: (value) => ({
      LifecycleConfiguration: {
        Rules: (Array.isArray(value) ? value : [value]).map((item) => {
          const rule = single(item);
          const out: Record<string, Value> = { Status: rule.status ?? "Enabled" };
          if (rule.id !== undefined) out.Id = rule.id;
          const prefix = single(rule.filter).prefix;
          if (prefix !== undefined) out.Prefix = prefix;
          const expiration = single(rule.expiration);
          if (expiration.days !== undefined) out.ExpirationInDays = expiration.days;
          const noncurrent = single(rule.noncurrent_version_expiration);
          if (noncurrent.noncurrent_days !== undefined)
            out.NoncurrentVersionExpiration = { NoncurrentDays: noncurrent.noncurrent_days };
          const multipart = single(rule.abort_incomplete_multipart_upload);
          if (multipart.days_after_initiation !== undefined)
            out.AbortIncompleteMultipartUpload = { DaysAfterInitiation: multipart.days_after_initiation };
          return out;
        }),
      },
    }),
  },
  attributes: {},
};
