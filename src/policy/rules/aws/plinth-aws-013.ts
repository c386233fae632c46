import { soc2 } from "../shared/frameworks.ts";
import { securityGroupIngressRule } from "../shared/security-group-rule.ts";

/** Every port open to the internet. */
export const rule = securityGroupIngressRule({
  id: "PLINTH-AWS-013",
  title: "Security groups do not admit all ports from the internet",
  what: "every port",
  query: "all",
  port: "443",
  severity: "critical",
  frameworks: [soc2("CC6.6")],
  aliases: ["CKV_AWS_277"],
});
