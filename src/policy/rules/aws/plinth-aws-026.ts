import { describeUnresolved, isUnresolved } from "../../resource-view.ts";
import type { Rule } from "../../rule.ts";
import { fail, pass, unknown } from "../../rule.ts";
import { soc2 } from "../shared/frameworks.ts";

/** DynamoDB encrypted with a customer managed key. */
export const rule: Rule = {
  meta: {
    id: "PLINTH-AWS-026",
    title: "DynamoDB tables are encrypted with a customer managed KMS key",
    description:
      "`server_side_encryption { enabled = true, kms_key_arn = … }` encrypts the table with a key you control, so access to the data can be revoked and audited through KMS.",
    severity: "low",
    cloud: "aws",
    resourceTypes: { terraform: ["aws_dynamodb_table"], cloudformation: ["AWS::DynamoDB::Table"] },
    remediation: {
      summary: "Encrypt the table with a customer managed KMS key.",
      terraform:
        'resource "aws_dynamodb_table" "t" {\n  server_side_encryption {\n    enabled     = true\n    kms_key_arn = aws_kms_key.t.arn\n  }\n}',
      cloudformation:
        "SSESpecification:\n  SSEEnabled: true\n  SSEType: KMS\n  KMSMasterKeyId: !Ref TableKey",
    },
    frameworks: [soc2("CC6.1")],
    aliases: ["CKV_AWS_119", "AVD-AWS-0025", "aws-dynamodb-table-customer-key"],
    references: ["https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/EncryptionAtRest.html"],
    defaults:
      "Without server_side_encryption the table uses an AWS owned key; `enabled = true` without kms_key_arn uses the AWS managed key aws/dynamodb. Both fail: neither is a key you manage.",
  },
  check: (table) => {
    const enabled = table.get("server_side_encryption.enabled");
    if (isUnresolved(enabled))
      return unknown(
        `server_side_encryption.enabled is not known statically: ${describeUnresolved(enabled)}.`,
        "server_side_encryption.enabled",
      );
    if (enabled !== true && enabled !== "true")
      return fail(
        "The table is encrypted only with an AWS owned key (server_side_encryption is not enabled).",
        "server_side_encryption",
      );
    const key = table.get("server_side_encryption.kms_key_arn");
    if (key === undefined || key === null || key === "")
      return fail(
        "server_side_encryption names no kms_key_arn, so the AWS managed key aws/dynamodb is used.",
        "server_side_encryption",
      );
    return pass(
      "The table is encrypted with a customer managed KMS key.",
      "server_side_encryption.kms_key_arn",
    );
  },
};
