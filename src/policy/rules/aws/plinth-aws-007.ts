import { publicAccessBlockRule } from "../shared/public-access-block.ts";

export const rule = publicAccessBlockRule(
  "PLINTH-AWS-007",
  "restrict_public_buckets",
  "RestrictPublicBuckets",
  "a public bucket policy still lets anyone in.",
  ["CKV_AWS_56", "AVD-AWS-0093", "aws-s3-no-public-buckets"],
);
