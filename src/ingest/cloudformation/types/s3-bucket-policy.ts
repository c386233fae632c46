import { type CloudFormationMapping, json } from "../type-mapping.ts";

export const s3BucketPolicy: CloudFormationMapping = {
  cloudFormationType: "AWS::S3::BucketPolicy",
  main: {
    terraformType: "aws_s3_bucket_policy",
    rules: [
      ["Bucket", "bucket"],
      ["PolicyDocument", "policy", json],
    ],
  },
};
