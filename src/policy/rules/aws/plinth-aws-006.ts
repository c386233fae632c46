import { publicAccessBlockRule } from "../shared/public-access-block.ts";

export const rule = publicAccessBlockRule(
  "PLINTH-AWS-006",
  "ignore_public_acls",
  "IgnorePublicAcls",
  "public ACLs on the bucket and its objects still grant access.",
  ["CKV_AWS_55", "AVD-AWS-0091", "aws-s3-ignore-public-acls"],
);
