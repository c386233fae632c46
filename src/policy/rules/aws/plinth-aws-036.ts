import { describeUnresolved, isUnresolved } from "../../resource-view.ts";
import type { Rule } from "../../rule.ts";
import { unknown } from "../../rule.ts";
import { expectBool } from "../shared/attribute-checks.ts";
import { soc2 } from "../shared/frameworks.ts";

/** ALBs drop invalid HTTP header fields. */
export const rule: Rule = {
  meta: {
    id: "PLINTH-AWS-036",
    title: "Application load balancers drop invalid HTTP headers",
    description:
      "`drop_invalid_header_fields = true` removes header fields that are not valid HTTP, a common vector for request smuggling and desync attacks.",
    severity: "medium",
    cloud: "aws",
    resourceTypes: {
      terraform: ["aws_lb", "aws_alb"],
      cloudformation: ["AWS::ElasticLoadBalancingV2::LoadBalancer"],
    },
    remediation: {
      summary: "Drop invalid header fields.",
      terraform:
        'resource "aws_lb" "web" {\n  load_balancer_type         = "application"\n  drop_invalid_header_fields = true\n}',
      cloudformation:
        "LoadBalancerAttributes:\n  - Key: routing.http.drop_invalid_header_fields.enabled\n    Value: 'true'",
    },
    frameworks: [soc2("CC6.6")],
    aliases: ["CKV_AWS_131", "AVD-AWS-0052", "aws-elb-drop-invalid-headers"],
    references: [
      "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#load-balancer-attributes",
    ],
    defaults:
      "Terraform's default is false. Network and gateway load balancers are not applicable (unknown).",
  },
  check: (lb) => {
    const type = lb.get("load_balancer_type");
    if (isUnresolved(type))
      return unknown(
        `load_balancer_type is not known statically: ${describeUnresolved(type)}.`,
        "load_balancer_type",
      );
    if (type !== undefined && type !== "application")
      return unknown(
        `Not applicable: a ${String(type)} load balancer does not parse HTTP headers.`,
        "load_balancer_type",
      );
    return expectBool(lb, "drop_invalid_header_fields", true, {
      whenAbsent: "fail",
      pass: "Invalid header fields are dropped.",
      fail: "drop_invalid_header_fields is false: invalid headers are passed to targets.",
      absent: "drop_invalid_header_fields is not set, so invalid headers are passed to targets.",
    });
  },
};
