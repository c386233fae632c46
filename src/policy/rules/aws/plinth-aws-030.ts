import type { Rule } from "../../rule.ts";
import { expectPresent } from "../shared/attribute-checks.ts";
import { cisAws, soc2 } from "../shared/frameworks.ts";

/** CIS 3.5: SSE-KMS for CloudTrail logs. */
export const rule: Rule = {
  meta: {
    id: "PLINTH-AWS-030",
    title: "CloudTrail logs are encrypted with a KMS key",
    description:
      "`kms_key_id` encrypts delivered log files with SSE-KMS, so reading them needs both S3 and KMS permissions.",
    severity: "medium",
    cloud: "aws",
    resourceTypes: { terraform: ["aws_cloudtrail"], cloudformation: ["AWS::CloudTrail::Trail"] },
    remediation: {
      summary: "Encrypt the trail's logs with a customer managed KMS key.",
      terraform: 'resource "aws_cloudtrail" "main" {\n  kms_key_id = aws_kms_key.trail.arn\n}',
      cloudformation: "KMSKeyId: !Ref TrailKey",
    },
    frameworks: [cisAws("3.5"), soc2("CC6.1")],
    aliases: [
      "CKV_AWS_35",
      "AVD-AWS-0015",
      "aws-cloudtrail-encryption-customer-managed-key",
      "aws-cloudtrail-enable-at-rest-encryption",
    ],
    references: [
      "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/encrypting-cloudtrail-log-files-with-aws-kms.html",
    ],
    defaults: "Without kms_key_id logs get SSE-S3 only, which fails.",
  },
  check: (trail) =>
    expectPresent(trail, "kms_key_id", {
      pass: "Logs are encrypted with a KMS key.",
      absent: "kms_key_id is not set, so logs are not encrypted with a KMS key.",
    }),
};
