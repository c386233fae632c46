import { describeUnresolved, isUnresolved, listOf } from "../../resource-view.ts";
import type { Rule } from "../../rule.ts";
import { fail, pass, unknown } from "../../rule.ts";
import { soc2 } from "../shared/frameworks.ts";

/** Lambda functions attached to a VPC. */
export const rule: Rule = {
  meta: {
    id: "PLINTH-AWS-033",
    title: "Lambda functions run in a VPC",
    description:
      "`vpc_config` gives the function subnets and security groups, so its network access is governed like the rest of the VPC.",
    severity: "low",
    cloud: "aws",
    resourceTypes: { terraform: ["aws_lambda_function"], cloudformation: ["AWS::Lambda::Function"] },
    remediation: {
      summary: "Attach the function to private subnets with a security group.",
      terraform:
        'resource "aws_lambda_function" "f" {\n  vpc_config {\n    subnet_ids         = aws_subnet.private[*].id\n    security_group_ids = [aws_security_group.f.id]\n  }\n}',
      cloudformation: "VpcConfig:\n  SubnetIds: [!Ref PrivateA]\n  SecurityGroupIds: [!Ref FunctionSG]",
    },
    frameworks: [soc2("CC6.6")],
    aliases: ["CKV_AWS_117"],
    references: ["https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc.html"],
    defaults: "Without vpc_config the function runs outside any VPC.",
  },
  check: (fn) => {
    const subnets = listOf(fn.get("vpc_config.subnet_ids"));
    if (isUnresolved(subnets))
      return unknown(
        `vpc_config.subnet_ids is not known statically: ${describeUnresolved(subnets)}.`,
        "vpc_config",
      );
    return subnets.length > 0
      ? pass("The function runs in a VPC.", "vpc_config")
      : fail("The function is not attached to a VPC (no vpc_config with subnet_ids).", "vpc_config");
  },
};
