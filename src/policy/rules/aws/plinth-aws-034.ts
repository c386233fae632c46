import { isPlainObject } from "../../../model/value.ts";
import { isUnresolved } from "../../resource-view.ts";
import type { Rule } from "../../rule.ts";
import { pass, unknown } from "../../rule.ts";
import { expectPresent } from "../shared/attribute-checks.ts";
import { soc2 } from "../shared/frameworks.ts";

/** Lambda environment variables encrypted with a customer managed key. */
export const rule: Rule = {
  meta: {
    id: "PLINTH-AWS-034",
    title: "Lambda environment variables are encrypted with a customer managed key",
    description:
      "A function with environment variables sets `kms_key_arn`, so the variables are encrypted at rest with a key you control instead of the default aws/lambda key.",
    severity: "low",
    cloud: "aws",
    resourceTypes: { terraform: ["aws_lambda_function"], cloudformation: ["AWS::Lambda::Function"] },
    remediation: {
      summary:
        "Encrypt the environment with a customer managed KMS key (and keep secrets in Secrets Manager).",
      terraform: 'resource "aws_lambda_function" "f" {\n  kms_key_arn = aws_kms_key.lambda.arn\n}',
      cloudformation: "KmsKeyArn: !GetAtt FunctionKey.Arn",
    },
    frameworks: [soc2("CC6.1")],
    aliases: ["CKV_AWS_173"],
    references: ["https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars-encryption.html"],
    defaults: "A function without environment variables passes: there is nothing to encrypt.",
  },
  check: (fn) => {
    const variables = fn.get("environment.variables");
    if (isUnresolved(variables))
      return unknown("Its environment variables are not known statically.", "environment");
    if (variables === undefined || (isPlainObject(variables) && Object.keys(variables).length === 0))
      return pass("The function has no environment variables.", "environment");
    return expectPresent(fn, "kms_key_arn", {
      pass: "Environment variables are encrypted with a customer managed key.",
      absent:
        "kms_key_arn is not set, so environment variables are encrypted only with the default aws/lambda key.",
    });
  },
};
