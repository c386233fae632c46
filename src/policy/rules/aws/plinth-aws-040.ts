import type { Rule } from "../../rule.ts";
import { pass } from "../../rule.ts";
import { attachedVerdict } from "../shared/attached.ts";
import { expectPresent } from "../shared/attribute-checks.ts";
import { soc2 } from "../shared/frameworks.ts";

/** Secrets Manager rotation. */
export const rule: Rule = {
  meta: {
    id: "PLINTH-AWS-040",
    title: "Secrets Manager secrets are rotated automatically",
    description:
      "An aws_secretsmanager_secret_rotation (or the secret's legacy rotation settings) rotates the secret on a schedule.",
    severity: "medium",
    cloud: "aws",
    resourceTypes: {
      terraform: ["aws_secretsmanager_secret"],
      cloudformation: ["AWS::SecretsManager::Secret"],
    },
    remediation: {
      summary: "Configure a rotation function and schedule.",
      terraform:
        'resource "aws_secretsmanager_secret_rotation" "s" {\n  secret_id           = aws_secretsmanager_secret.s.id\n  rotation_lambda_arn = aws_lambda_function.rotate.arn\n  rotation_rules { automatically_after_days = 30 }\n}',
      cloudformation:
        "AWS::SecretsManager::RotationSchedule with SecretId: !Ref Secret and RotationRules: { AutomaticallyAfterDays: 30 }",
    },
    frameworks: [soc2("CC6.1")],
    aliases: ["CKV2_AWS_57"],
    references: ["https://docs.aws.amazon.com/secretsmanager/latest/userguide/rotating-secrets.html"],
    defaults: "Secrets are not rotated unless configured.",
  },
  check: (secret, graph) =>
    attachedVerdict(secret, graph, {
      types: ["aws_secretsmanager_secret_rotation"],
      attribute: "secret_id",
      keys: ["name", "arn", "id"],
      // AWS provider < 5 set rotation on the secret itself.
      inline: () =>
        secret.get("rotation_lambda_arn") === undefined
          ? undefined
          : expectPresent(secret, "rotation_lambda_arn", {
              pass: "The secret has a rotation function.",
              absent: "rotation_lambda_arn is empty.",
            }),
      evaluate: () => pass("A rotation schedule is configured."),
      missing: "No aws_secretsmanager_secret_rotation rotates this secret.",
    }),
};
