import {
  DeleteBucketEncryptionCommand,
  GetBucketEncryptionCommand,
  PutBucketEncryptionCommand,
} from "@aws-sdk/client-s3";
import { block, blocks, bool, str } from "../properties.ts";
import { bucketSetting } from "../s3-bucket-setting.ts";

/** aws_s3_bucket_server_side_encryption_configuration: default encryption (SSE-S3 or SSE-KMS). */
export const s3BucketServerSideEncryptionConfiguration = bucketSetting({
  type: "aws_s3_bucket_server_side_encryption_configuration",
  put: (aws, bucket, props) =>
    aws.clients.s3().send(
      new PutBucketEncryptionCommand({
        Bucket: bucket,
        ServerSideEncryptionConfiguration: {
          Rules: blocks(props, "rule").map((rule) => {
            const byDefault = block(rule, "apply_server_side_encryption_by_default") ?? {};
            return {
              ApplyServerSideEncryptionByDefault: {
                SSEAlgorithm: (str(byDefault, "sse_algorithm") ?? "AES256") as "AES256",
                KMSMasterKeyID: str(byDefault, "kms_master_key_id"),
              },
              BucketKeyEnabled: bool(rule, "bucket_key_enabled"),
            };
          }),
        },
      }),
    ),
  async get(aws, bucket, applied) {
    const keyWasSet = blocks(applied, "rule").some((rule) => "bucket_key_enabled" in rule);
    const { ServerSideEncryptionConfiguration } = await aws.clients
      .s3()
      .send(new GetBucketEncryptionCommand({ Bucket: bucket }));
    const rules = ServerSideEncryptionConfiguration?.Rules ?? [];
    if (rules.length === 0) return undefined;
    return {
      rule: rules.map((r) => ({
        apply_server_side_encryption_by_default: [
          {
            sse_algorithm: r.ApplyServerSideEncryptionByDefault?.SSEAlgorithm ?? null,
            ...(r.ApplyServerSideEncryptionByDefault?.KMSMasterKeyID
              ? { kms_master_key_id: r.ApplyServerSideEncryptionByDefault.KMSMasterKeyID }
              : {}),
          },
        ],
        ...(keyWasSet || r.BucketKeyEnabled ? { bucket_key_enabled: r.BucketKeyEnabled ?? false } : {}),
      })),
    };
  },
  remove: (aws, bucket) => aws.clients.s3().send(new DeleteBucketEncryptionCommand({ Bucket: bucket })),
});
