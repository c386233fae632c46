import { cisAzure, soc2 } from "../shared/frameworks.ts";
import { nsgIngressRule } from "../shared/nsg-rule.ts";

/** CIS Azure 6.1: RDP from the internet. */
export const rule = nsgIngressRule({
  id: "PLINTH-AZURE-016",
  title: "Network security groups do not admit RDP (3389) from the internet",
  what: "RDP (TCP 3389)",
  query: 3389,
  port: "3389",
  severity: "high",
  frameworks: [cisAzure("6.1"), soc2("CC6.6")],
  aliases: ["CKV_AZURE_9", "AVD-AZU-0048", "azure-network-disable-rdp-from-internet"],
});
