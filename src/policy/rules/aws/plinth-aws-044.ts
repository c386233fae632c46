import type { Rule } from "../../rule.ts";
import { expectBool } from "../shared/attribute-checks.ts";
import { cisAws, soc2 } from "../shared/frameworks.ts";

/** CIS 2.4.1: EFS encrypted. */
export const rule: Rule = {
  meta: {
    id: "PLINTH-AWS-044",
    title: "EFS file systems are encrypted at rest",
    description: "`encrypted = true` encrypts the file system's data and metadata.",
    severity: "high",
    cloud: "aws",
    resourceTypes: { terraform: ["aws_efs_file_system"], cloudformation: [] },
    remediation: {
      summary: "Create the file system encrypted (it cannot be changed later).",
      terraform: 'resource "aws_efs_file_system" "fs" {\n  encrypted = true\n}',
      cloudformation: "Encrypted: true",
    },
    frameworks: [cisAws("2.4.1"), soc2("CC6.1")],
    aliases: ["CKV_AWS_42", "AVD-AWS-0037", "aws-efs-enable-at-rest-encryption"],
    references: ["https://docs.aws.amazon.com/efs/latest/ug/encryption-at-rest.html"],
    defaults: "Terraform's default is false.",
  },
  check: (fs) =>
    expectBool(fs, "encrypted", true, {
      whenAbsent: "fail",
      pass: "The file system is encrypted.",
      fail: "encrypted is false: the file system is stored unencrypted.",
      absent: "encrypted is not set, so the file system is unencrypted.",
    }),
};
