import { describeUnresolved, isUnresolved, valueAt } from "../../resource-view.ts";
import type { Rule } from "../../rule.ts";
import { fail, pass, unknown } from "../../rule.ts";
import { soc2 } from "../shared/frameworks.ts";

/** HTTP listeners only redirect to HTTPS. */
export const rule: Rule = {
  meta: {
    id: "PLINTH-AWS-035",
    title: "Load balancer HTTP listeners redirect to HTTPS",
    description:
      "A listener with protocol HTTP has a default action that redirects to HTTPS; every other protocol (HTTPS, TLS, TCP, UDP) passes.",
    severity: "high",
    cloud: "aws",
    resourceTypes: {
      terraform: ["aws_lb_listener", "aws_alb_listener"],
      cloudformation: ["AWS::ElasticLoadBalancingV2::Listener"],
    },
    remediation: {
      summary: "Serve HTTPS, and make port 80 redirect to it.",
      terraform:
        'resource "aws_lb_listener" "http" {\n  port     = 80\n  protocol = "HTTP"\n  default_action {\n    type = "redirect"\n    redirect {\n      port        = "443"\n      protocol    = "HTTPS"\n      status_code = "HTTP_301"\n    }\n  }\n}',
      cloudformation:
        "DefaultActions:\n  - Type: redirect\n    RedirectConfig: { Protocol: HTTPS, Port: '443', StatusCode: HTTP_301 }",
    },
    frameworks: [soc2("CC6.7")],
    aliases: ["CKV2_AWS_20", "CKV_AWS_2", "AVD-AWS-0054", "aws-elb-http-not-used"],
    references: [
      "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-listeners.html",
    ],
    defaults: "An application load balancer listener without `protocol` is HTTP.",
  },
  check: (listener) => {
    const protocol = listener.get("protocol");
    if (isUnresolved(protocol))
      return unknown(`protocol is not known statically: ${describeUnresolved(protocol)}.`, "protocol");
    if (protocol !== undefined && String(protocol).toUpperCase() !== "HTTP")
      return pass(`The listener uses ${String(protocol)}.`, "protocol");
    const actions = listener.blocks("default_action");
    if (isUnresolved(actions))
      return unknown("Its default actions are not known statically.", "default_action");
    for (const action of actions) {
      const type = action.type;
      const to = valueAt(action, "redirect.protocol");
      if (isUnresolved(type) || isUnresolved(to))
        return unknown("Its default action is not known statically.", "default_action");
      if (type === "redirect" && String(to).toUpperCase() === "HTTPS")
        return pass("HTTP requests are redirected to HTTPS.", "default_action");
    }
    return fail("The listener serves plain HTTP without redirecting to HTTPS.", "protocol");
  },
};
