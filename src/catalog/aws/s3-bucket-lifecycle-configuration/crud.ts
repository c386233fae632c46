import {
  DeleteBucketLifecycleCommand,
  GetBucketLifecycleConfigurationCommand,
  type LifecycleRule,
  PutBucketLifecycleConfigurationCommand,
} from "@aws-sdk/client-s3";
import type { JsonObject } from "../../../model/value.ts";
import { block, blocks, defined, num, str } from "../properties.ts";
import { bucketSetting } from "../s3-bucket-setting.ts";

/** aws_s3_bucket_lifecycle_configuration: expiration and cleanup rules, Terraform's blocks to S3's shape. */
export const s3BucketLifecycleConfiguration = bucketSetting({
  type: "aws_s3_bucket_lifecycle_configuration",
  put: (aws, bucket, props) =>
    aws.clients.s3().send(
      new PutBucketLifecycleConfigurationCommand({
        Bucket: bucket,
        LifecycleConfiguration: { Rules: blocks(props, "rule").map(lifecycleRule) },
      }),
    ),
  async get(aws, bucket) {
    const { Rules } = await aws.clients
      .s3()
      .send(new GetBucketLifecycleConfigurationCommand({ Bucket: bucket }));
    return Rules && Rules.length > 0 ? {} : undefined;
  },
  remove: (aws, bucket) => aws.clients.s3().send(new DeleteBucketLifecycleCommand({ Bucket: bucket })),
});

function lifecycleRule(rule: JsonObject): LifecycleRule {
  const filter = block(rule, "filter");
  const expiration = block(rule, "expiration");
  const noncurrent = block(rule, "noncurrent_version_expiration");
  const multipart = block(rule, "abort_incomplete_multipart_upload");
  return defined({
    ID: str(rule, "id"),
    Status: (str(rule, "status") ?? "Enabled") as "Enabled",
    Filter: filter ? defined({ Prefix: str(filter, "prefix") ?? "" }) : { Prefix: "" },
    Expiration: expiration ? defined({ Days: num(expiration, "days") }) : undefined,
    NoncurrentVersionExpiration: noncurrent
      ? defined({ NoncurrentDays: num(noncurrent, "noncurrent_days") })
      : undefined,
    AbortIncompleteMultipartUpload: multipart
      ? defined({ DaysAfterInitiation: num(multipart, "days_after_initiation") })
      : undefined,
  });
}
