import type { Rule } from "../../rule.ts";
import { attachedVerdict } from "../shared/attached.ts";
import { expectAttribute } from "../shared/attribute-checks.ts";
import { soc2 } from "../shared/frameworks.ts";

/** S3 versioning enabled. */
export const rule: Rule = {
  meta: {
    id: "PLINTH-AWS-002",
    title: "S3 buckets have versioning enabled",
    description:
      "Versioning keeps every version of every object, so an overwrite or a deletion can be undone. Configured in aws_s3_bucket_versioning (status = Enabled) or the legacy inline versioning block.",
    severity: "medium",
    cloud: "aws",
    resourceTypes: { terraform: ["aws_s3_bucket"], cloudformation: ["AWS::S3::Bucket"] },
    remediation: {
      summary: "Enable versioning on the bucket.",
      terraform:
        'resource "aws_s3_bucket_versioning" "b" {\n  bucket = aws_s3_bucket.b.id\n  versioning_configuration { status = "Enabled" }\n}',
      cloudformation: "VersioningConfiguration:\n  Status: Enabled",
      plinth: "`versioning: true` (the default) on the bucket component.",
    },
    frameworks: [soc2("A1.2", "CC6.1")],
    aliases: ["CKV_AWS_21", "AVD-AWS-0090", "aws-s3-enable-versioning"],
    references: ["https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html"],
    defaults: "A bucket without a versioning configuration is unversioned.",
  },
  check: (bucket, graph) =>
    attachedVerdict(bucket, graph, {
      types: ["aws_s3_bucket_versioning"],
      attribute: "bucket",
      keys: ["bucket", "id"],
      inline: () =>
        bucket.get("versioning") === undefined
          ? undefined
          : expectAttribute(bucket, "versioning.enabled", {
              ok: (v) => v === true,
              whenAbsent: "fail",
              pass: "Its inline versioning block enables versioning.",
              fail: "Its inline versioning block does not enable versioning.",
            }),
      evaluate: (versioning) =>
        expectAttribute(versioning, "versioning_configuration.status", {
          ok: (v) => v === "Enabled",
          whenAbsent: "fail",
          pass: "Versioning is enabled.",
          fail: "Versioning is not enabled (status is not `Enabled`).",
        }),
      missing: "Versioning is not enabled: no aws_s3_bucket_versioning refers to this bucket.",
    }),
};
