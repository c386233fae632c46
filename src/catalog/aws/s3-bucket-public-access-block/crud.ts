import {
  DeletePublicAccessBlockCommand,
  GetPublicAccessBlockCommand,
  PutPublicAccessBlockCommand,
} from "@aws-sdk/client-s3";
import { bool } from "../properties.ts";
import { bucketSetting } from "../s3-bucket-setting.ts";

/** aws_s3_bucket_public_access_block: the four public-access switches of one bucket. */
export const s3BucketPublicAccessBlock = bucketSetting({
  type: "aws_s3_bucket_public_access_block",
  put: (aws, bucket, props) =>
    aws.clients.s3().send(
      new PutPublicAccessBlockCommand({
        Bucket: bucket,
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: bool(props, "block_public_acls") ?? false,
          BlockPublicPolicy: bool(props, "block_public_policy") ?? false,
          IgnorePublicAcls: bool(props, "ignore_public_acls") ?? false,
          RestrictPublicBuckets: bool(props, "restrict_public_buckets") ?? false,
        },
      }),
    ),
  async get(aws, bucket) {
    const { PublicAccessBlockConfiguration: c } = await aws.clients
      .s3()
      .send(new GetPublicAccessBlockCommand({ Bucket: bucket }));
    if (!c) return undefined;
    return {
      block_public_acls: c.BlockPublicAcls ?? false,
      block_public_policy: c.BlockPublicPolicy ?? false,
      ignore_public_acls: c.IgnorePublicAcls ?? false,
      restrict_public_buckets: c.RestrictPublicBuckets ?? false,
    };
  },
  remove: (aws, bucket) => aws.clients.s3().send(new DeletePublicAccessBlockCommand({ Bucket: bucket })),
});
