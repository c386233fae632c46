import { isPlainObject, type ValueObject } from "../../../model/value.ts";
import { isUnresolved } from "../../resource-view.ts";
import type { Rule } from "../../rule.ts";
import { fail, pass, unknown } from "../../rule.ts";
import { attachedVerdict } from "../shared/attached.ts";
import { cisAws, soc2 } from "../shared/frameworks.ts";
import { statementsOf } from "../shared/iam.ts";

function deniesInsecureTransport(statement: ValueObject): boolean {
  if (statement.Effect !== "Deny") return false;
  const condition = statement.Condition;
  if (!isPlainObject(condition)) return false;
  const bool = condition.Bool;
  if (!isPlainObject(bool)) return false;
  const value = bool["aws:SecureTransport"];
  return (
    value === false ||
    value === "false" ||
    (Array.isArray(value) && value.some((v) => v === false || v === "false"))
  );
}

/** CIS 2.1.1: the bucket policy refuses plain HTTP. */
export const rule: Rule = {
  meta: {
    id: "PLINTH-AWS-010",
    title: "S3 bucket policies deny HTTP requests",
    description:
      "The bucket policy has a Deny statement for requests where `aws:SecureTransport` is false, so data only travels over TLS.",
    severity: "medium",
    cloud: "aws",
    resourceTypes: { terraform: ["aws_s3_bucket"], cloudformation: ["AWS::S3::Bucket"] },
    remediation: {
      summary: "Add a statement denying s3:* when aws:SecureTransport is false.",
      terraform:
        'resource "aws_s3_bucket_policy" "b" {\n  bucket = aws_s3_bucket.b.id\n  policy = jsonencode({ Version = "2012-10-17", Statement = [{\n    Effect = "Deny", Principal = "*", Action = "s3:*",\n    Resource = [aws_s3_bucket.b.arn, "${aws_s3_bucket.b.arn}/*"],\n    Condition = { Bool = { "aws:SecureTransport" = "false" } }\n  }] })\n}',
      cloudformation:
        "AWS::S3::BucketPolicy with a Deny statement on s3:* and Condition: { Bool: { aws:SecureTransport: false } }",
      plinth: "Bucket components always get this policy.",
    },
    frameworks: [cisAws("2.1.1"), soc2("CC6.7")],
    aliases: [],
    references: ["https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html"],
  },
  check: (bucket, graph) =>
    attachedVerdict(bucket, graph, {
      types: ["aws_s3_bucket_policy"],
      attribute: "bucket",
      keys: ["bucket", "id"],
      inline: () => {
        const policy = bucket.get("policy");
        if (policy === undefined) return undefined;
        const statements = statementsOf(policy);
        if (statements === "unknown" || statements === "invalid")
          return unknown("Its inline policy is not known statically.", "policy");
        return statements.some(deniesInsecureTransport)
          ? pass("Its policy denies requests over plain HTTP.", "policy")
          : fail("Its policy does not deny requests over plain HTTP.", "policy");
      },
      evaluate: (policyResource) => {
        const statements = statementsOf(policyResource.get("policy"));
        if (
          statements === "unknown" ||
          statements === "invalid" ||
          isUnresolved(policyResource.get("policy"))
        )
          return unknown("Its policy document is not known statically.", "policy");
        return statements.some(deniesInsecureTransport)
          ? pass("The bucket policy denies requests over plain HTTP.", "policy")
          : fail("The bucket policy does not deny requests where aws:SecureTransport is false.", "policy");
      },
      missing:
        "No bucket policy denies requests over plain HTTP (no aws_s3_bucket_policy refers to this bucket).",
    }),
};
