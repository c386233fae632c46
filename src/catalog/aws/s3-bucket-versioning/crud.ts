import { GetBucketVersioningCommand, PutBucketVersioningCommand } from "@aws-sdk/client-s3";
import { block, str } from "../properties.ts";
import { bucketSetting } from "../s3-bucket-setting.ts";

/** aws_s3_bucket_versioning: deleting it suspends versioning (a bucket can never go back to unversioned). */
export const s3BucketVersioning = bucketSetting({
  type: "aws_s3_bucket_versioning",
  put: (aws, bucket, props) =>
    aws.clients.s3().send(
      new PutBucketVersioningCommand({
        Bucket: bucket,
        VersioningConfiguration: {
          Status: (str(block(props, "versioning_configuration") ?? {}, "status") ?? "Enabled") as "Enabled",
        },
      }),
    ),
  async get(aws, bucket) {
    const { Status } = await aws.clients.s3().send(new GetBucketVersioningCommand({ Bucket: bucket }));
    return Status ? { versioning_configuration: [{ status: Status }] } : undefined;
  },
  remove: (aws, bucket) =>
    aws.clients
      .s3()
      .send(
        new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: "Suspended" } }),
      ),
});
