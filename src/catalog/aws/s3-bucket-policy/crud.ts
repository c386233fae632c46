import {
  DeleteBucketPolicyCommand,
  GetBucketPolicyCommand,
  PutBucketPolicyCommand,
} from "@aws-sdk/client-s3";
import { requiredStr } from "../properties.ts";
import { bucketSetting } from "../s3-bucket-setting.ts";

/** aws_s3_bucket_policy: the bucket's resource policy (a JSON document). */
export const s3BucketPolicy = bucketSetting({
  type: "aws_s3_bucket_policy",
  put: (aws, bucket, props) =>
    aws.clients.s3().send(
      new PutBucketPolicyCommand({
        Bucket: bucket,
        Policy: requiredStr(props, "policy", "aws_s3_bucket_policy"),
      }),
    ),
  async get(aws, bucket) {
    const { Policy } = await aws.clients.s3().send(new GetBucketPolicyCommand({ Bucket: bucket }));
    return Policy ? {} : undefined;
  },
  remove: (aws, bucket) => aws.clients.s3().send(new DeleteBucketPolicyCommand({ Bucket: bucket })),
});
