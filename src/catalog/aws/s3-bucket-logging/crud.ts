import { GetBucketLoggingCommand, PutBucketLoggingCommand } from "@aws-sdk/client-s3";
import { AwsEventualConsistencyError, AwsRequestError } from "../../../providers/aws/aws-errors.ts";
import { requiredStr, str } from "../properties.ts";
import { bucketSetting } from "../s3-bucket-setting.ts";

/**
 * aws_s3_bucket_logging: server access logs of one bucket, delivered to another under a prefix. S3
 * refuses the target until its bucket policy lets the logging service write; that policy is usually
 * being applied at the same moment, so the refusal is retried as eventual consistency.
 */
export const s3BucketLogging = bucketSetting({
  type: "aws_s3_bucket_logging",
  async put(aws, bucket, props) {
    try {
      return await aws.clients.s3().send(
        new PutBucketLoggingCommand({
          Bucket: bucket,
          BucketLoggingStatus: {
            LoggingEnabled: {
              TargetBucket: requiredStr(props, "target_bucket", "aws_s3_bucket_logging"),
              TargetPrefix: str(props, "target_prefix") ?? "",
            },
          },
        }),
      );
    } catch (error) {
      if (error instanceof AwsRequestError && error.code === "InvalidTargetBucketForLogging")
        throw new AwsEventualConsistencyError(
          `${error.message.replace(/\.$/, "")}; waiting for the target bucket's policy.`,
          error,
          { cause: error },
        );
      throw error;
    }
  },
  async get(aws, bucket) {
    const { LoggingEnabled } = await aws.clients.s3().send(new GetBucketLoggingCommand({ Bucket: bucket }));
    if (!LoggingEnabled) return undefined;
    return {
      target_bucket: LoggingEnabled.TargetBucket ?? null,
      target_prefix: LoggingEnabled.TargetPrefix ?? "",
    };
  },
  remove: (aws, bucket) =>
    aws.clients.s3().send(new PutBucketLoggingCommand({ Bucket: bucket, BucketLoggingStatus: {} })),
});
