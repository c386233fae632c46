import type { Rule } from "../../rule.ts";
import { pass } from "../../rule.ts";
import { attachedVerdict } from "../shared/attached.ts";
import { cisAws, soc2 } from "../shared/frameworks.ts";

/** Every bucket has a public access block resource. */
export const rule: Rule = {
  meta: {
    id: "PLINTH-AWS-003",
    title: "S3 buckets have a public access block",
    description:
      "Each bucket has an aws_s3_bucket_public_access_block, so a bucket policy or ACL cannot make it public by mistake. The block's four settings are checked by PLINTH-AWS-004 to 007.",
    severity: "high",
    cloud: "aws",
    resourceTypes: { terraform: ["aws_s3_bucket"], cloudformation: ["AWS::S3::Bucket"] },
    remediation: {
      summary: "Add a public access block that blocks and ignores public ACLs and policies.",
      terraform:
        'resource "aws_s3_bucket_public_access_block" "b" {\n  bucket                  = aws_s3_bucket.b.id\n  block_public_acls       = true\n  block_public_policy     = true\n  ignore_public_acls      = true\n  restrict_public_buckets = true\n}',
      cloudformation:
        "PublicAccessBlockConfiguration:\n  BlockPublicAcls: true\n  BlockPublicPolicy: true\n  IgnorePublicAcls: true\n  RestrictPublicBuckets: true",
      plinth: "`public: false` (the default) on the bucket component.",
    },
    frameworks: [cisAws("2.1.4"), soc2("CC6.1", "CC6.6")],
    aliases: ["CKV2_AWS_6", "AVD-AWS-0094", "aws-s3-specify-public-access-block"],
    references: [
      "https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html",
    ],
    defaults:
      "New buckets have all four settings on since April 2023, but a bucket declared without a block can be opened by anyone allowed to change it; the rule asks for the block in code.",
  },
  check: (bucket, graph) =>
    attachedVerdict(bucket, graph, {
      types: ["aws_s3_bucket_public_access_block"],
      attribute: "bucket",
      keys: ["bucket", "id"],
      evaluate: () => pass("A public access block is attached."),
      missing: "No aws_s3_bucket_public_access_block refers to this bucket.",
    }),
};
