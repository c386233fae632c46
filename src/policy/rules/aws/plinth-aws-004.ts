import { publicAccessBlockRule } from "../shared/public-access-block.ts";

export const rule = publicAccessBlockRule(
  "PLINTH-AWS-004",
  "block_public_acls",
  "BlockPublicAcls",
  "requests that add a public ACL are not refused.",
  ["CKV_AWS_53", "AVD-AWS-0086", "aws-s3-block-public-acls"],
);
