import { describeUnresolved, isUnresolved } from "../../resource-view.ts";
import type { Rule } from "../../rule.ts";
import { unknown } from "../../rule.ts";
import { expectBool } from "../shared/attribute-checks.ts";
import { cisAws, soc2 } from "../shared/frameworks.ts";

/** CIS 3.6: rotation of symmetric customer managed keys. */
export const rule: Rule = {
  meta: {
    id: "PLINTH-AWS-038",
    title: "KMS keys have automatic rotation enabled",
    description:
      "Symmetric customer managed keys set `enable_key_rotation = true`, so key material is rotated yearly (or on `rotation_period_in_days`). Asymmetric and HMAC keys cannot rotate and are not applicable.",
    severity: "medium",
    cloud: "aws",
    resourceTypes: { terraform: ["aws_kms_key"], cloudformation: ["AWS::KMS::Key"] },
    remediation: {
      summary: "Enable automatic key rotation.",
      terraform: 'resource "aws_kms_key" "k" {\n  enable_key_rotation = true\n}',
      cloudformation: "EnableKeyRotation: true",
    },
    frameworks: [cisAws("3.6"), soc2("CC6.1")],
    aliases: ["CKV_AWS_7", "AVD-AWS-0065", "aws-kms-auto-rotate-keys"],
    references: ["https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html"],
    defaults: "Terraform's default is false.",
  },
  check: (key) => {
    const spec = key.get("customer_master_key_spec") ?? key.get("key_spec");
    if (isUnresolved(spec))
      return unknown(
        `The key spec is not known statically: ${describeUnresolved(spec)}.`,
        "customer_master_key_spec",
      );
    if (spec !== undefined && spec !== "SYMMETRIC_DEFAULT")
      return unknown(
        `Not applicable: ${String(spec)} keys do not support automatic rotation.`,
        "customer_master_key_spec",
      );
    return expectBool(key, "enable_key_rotation", true, {
      whenAbsent: "fail",
      pass: "Automatic rotation is enabled.",
      fail: "enable_key_rotation is false: the key material is never rotated.",
      absent: "enable_key_rotation is not set, so the key material is never rotated.",
    });
  },
};
