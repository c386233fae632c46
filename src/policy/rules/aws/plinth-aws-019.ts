import type { Rule } from "../../rule.ts";
import { pass } from "../../rule.ts";
import { expectBool } from "../shared/attribute-checks.ts";
import { cisAws, soc2 } from "../shared/frameworks.ts";

/** CIS 2.2.1: EBS volumes encrypted. */
export const rule: Rule = {
  meta: {
    id: "PLINTH-AWS-019",
    title: "EBS volumes are encrypted",
    description:
      "An EBS volume sets `encrypted = true` (or lives in a graph that turns on EBS encryption by default for the account and region).",
    severity: "high",
    cloud: "aws",
    resourceTypes: { terraform: ["aws_ebs_volume"], cloudformation: ["AWS::EC2::Volume"] },
    remediation: {
      summary: "Encrypt the volume, or turn on EBS encryption by default.",
      terraform: 'resource "aws_ebs_volume" "data" {\n  encrypted = true\n}',
      cloudformation: "Encrypted: true",
    },
    frameworks: [cisAws("2.2.1"), soc2("CC6.1")],
    aliases: [
      "CKV_AWS_3",
      "AVD-AWS-0026",
      "aws-ec2-enable-volume-encryption",
      "aws-ebs-enable-volume-encryption",
    ],
    references: ["https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html"],
    defaults:
      "Absent means unencrypted unless an aws_ebs_encryption_by_default with enabled = true is in the same graph.",
  },
  check: (volume, graph) => {
    const verdict = expectBool(volume, "encrypted", true, {
      whenAbsent: "fail",
      pass: "The volume is encrypted.",
      fail: "encrypted is false: the volume is stored unencrypted.",
      absent: "encrypted is not set, so the volume is unencrypted.",
    });
    if (verdict.status !== "fail" || volume.get("encrypted") !== undefined) return verdict;
    const byDefault = graph
      .ofType("aws_ebs_encryption_by_default")
      .some((n) => n.properties.enabled === undefined || n.properties.enabled === true);
    return byDefault ? pass("EBS encryption by default is enabled in this configuration.") : verdict;
  },
};
