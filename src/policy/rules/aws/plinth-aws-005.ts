import { publicAccessBlockRule } from "../shared/public-access-block.ts";

export const rule = publicAccessBlockRule(
  "PLINTH-AWS-005",
  "block_public_policy",
  "BlockPublicPolicy",
  "a bucket policy granting public access is not refused.",
  ["CKV_AWS_54", "AVD-AWS-0087", "aws-s3-block-public-policy"],
);
