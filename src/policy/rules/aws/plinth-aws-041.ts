import type { Rule } from "../../rule.ts";
import { expectPresent } from "../shared/attribute-checks.ts";
import { soc2 } from "../shared/frameworks.ts";

/** SNS topics encrypted. */
export const rule: Rule = {
  meta: {
    id: "PLINTH-AWS-041",
    title: "SNS topics are encrypted at rest",
    description: "`kms_master_key_id` encrypts messages stored in the topic with a KMS key.",
    severity: "high",
    cloud: "aws",
    resourceTypes: { terraform: ["aws_sns_topic"], cloudformation: ["AWS::SNS::Topic"] },
    remediation: {
      summary: "Encrypt the topic with a KMS key.",
      terraform: 'resource "aws_sns_topic" "t" {\n  kms_master_key_id = "alias/aws/sns"\n}',
      cloudformation: "KmsMasterKeyId: alias/aws/sns",
    },
    frameworks: [soc2("CC6.1")],
    aliases: ["CKV_AWS_26", "AVD-AWS-0095", "aws-sns-enable-topic-encryption"],
    references: ["https://docs.aws.amazon.com/sns/latest/dg/sns-server-side-encryption.html"],
    defaults: "Topics are unencrypted unless a key is set.",
  },
  check: (topic) =>
    expectPresent(topic, "kms_master_key_id", {
      pass: "The topic is encrypted with a KMS key.",
      absent: "kms_master_key_id is not set, so the topic is not encrypted at rest.",
    }),
};
