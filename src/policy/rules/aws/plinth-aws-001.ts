import type { Rule } from "../../rule.ts";
import { attachedVerdict } from "../shared/attached.ts";
import { expectPresent } from "../shared/attribute-checks.ts";
import { soc2 } from "../shared/frameworks.ts";

/** S3 encryption at rest, configured explicitly (the bucket or its SSE configuration resource). */
export const rule: Rule = {
  meta: {
    id: "PLINTH-AWS-001",
    title: "S3 buckets configure encryption at rest",
    description:
      "An S3 bucket declares default server-side encryption (SSE-S3, SSE-KMS or DSSE-KMS), either in an aws_s3_bucket_server_side_encryption_configuration or in the bucket's legacy inline block.",
    severity: "high",
    cloud: "aws",
    resourceTypes: { terraform: ["aws_s3_bucket"], cloudformation: ["AWS::S3::Bucket"] },
    remediation: {
      summary: "Declare default encryption for the bucket.",
      terraform:
        'resource "aws_s3_bucket_server_side_encryption_configuration" "b" {\n  bucket = aws_s3_bucket.b.id\n  rule {\n    apply_server_side_encryption_by_default { sse_algorithm = "aws:kms" }\n  }\n}',
      cloudformation:
        "BucketEncryption:\n  ServerSideEncryptionConfiguration:\n    - ServerSideEncryptionByDefault: { SSEAlgorithm: aws:kms }",
      plinth: "`type: bucket` components are always encrypted (AES-256 with a bucket key).",
    },
    frameworks: [soc2("CC6.1")],
    aliases: ["CKV_AWS_19", "AVD-AWS-0088", "aws-s3-enable-bucket-encryption"],
    references: ["https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-encryption.html"],
    defaults:
      "Since January 2023 S3 encrypts new objects with SSE-S3 when nothing is configured. The rule still fails a bucket that declares nothing: the code should state the encryption it relies on, and older buckets created without it are not covered.",
  },
  check: (bucket, graph) =>
    attachedVerdict(bucket, graph, {
      types: ["aws_s3_bucket_server_side_encryption_configuration"],
      attribute: "bucket",
      keys: ["bucket", "id"],
      // The legacy inline block (AWS provider < 4) counts when it names an algorithm.
      inline: () =>
        bucket.get("server_side_encryption_configuration") === undefined
          ? undefined
          : expectPresent(
              bucket,
              "server_side_encryption_configuration.rule.apply_server_side_encryption_by_default.sse_algorithm",
              {
                pass: "Its inline server_side_encryption_configuration sets default encryption.",
                absent: "Its inline server_side_encryption_configuration names no sse_algorithm.",
              },
            ),
      // Every sse_algorithm the provider accepts (AES256, aws:kms, aws:kms:dsse) encrypts.
      evaluate: (config) =>
        expectPresent(config, "rule.apply_server_side_encryption_by_default.sse_algorithm", {
          pass: "Default encryption is configured.",
          absent: "Its rule sets no sse_algorithm.",
        }),
      missing:
        "No server-side encryption configuration is declared for this bucket (no aws_s3_bucket_server_side_encryption_configuration refers to it).",
    }),
};
