import type { Rule } from "../../rule.ts";
import { pass } from "../../rule.ts";
import { attachedVerdict } from "../shared/attached.ts";
import { expectAttribute } from "../shared/attribute-checks.ts";
import { soc2 } from "../shared/frameworks.ts";

/** S3 server access logging. */
export const rule: Rule = {
  meta: {
    id: "PLINTH-AWS-008",
    title: "S3 buckets have access logging enabled",
    description:
      "Server access logs record every request made to the bucket, for security audits and incident response. Configured in aws_s3_bucket_logging or the legacy inline logging block.",
    severity: "low",
    cloud: "aws",
    resourceTypes: { terraform: ["aws_s3_bucket"], cloudformation: ["AWS::S3::Bucket"] },
    remediation: {
      summary: "Send the bucket's access logs to a log bucket.",
      terraform:
        'resource "aws_s3_bucket_logging" "b" {\n  bucket        = aws_s3_bucket.b.id\n  target_bucket = aws_s3_bucket.logs.id\n  target_prefix = "b/"\n}',
      cloudformation: "LoggingConfiguration:\n  DestinationBucketName: !Ref LogBucket\n  LogFilePrefix: b/",
    },
    frameworks: [soc2("CC7.2")],
    aliases: ["CKV_AWS_18", "AVD-AWS-0089", "aws-s3-enable-logging", "aws-s3-enable-bucket-logging"],
    references: ["https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html"],
    defaults: "Access logging is off unless configured.",
  },
  check: (bucket, graph) =>
    attachedVerdict(bucket, graph, {
      types: ["aws_s3_bucket_logging"],
      attribute: "bucket",
      keys: ["bucket", "id"],
      inline: () =>
        bucket.get("logging") === undefined
          ? undefined
          : expectAttribute(bucket, "logging.target_bucket", {
              ok: (v) => v !== "",
              whenAbsent: "fail",
              pass: "Its inline logging block sends access logs to a target bucket.",
              fail: "Its inline logging block names no target bucket.",
            }),
      evaluate: () => pass("Access logging is configured."),
      missing: "Access logging is not enabled: no aws_s3_bucket_logging refers to this bucket.",
    }),
};
