import { cisAzure, soc2 } from "../shared/frameworks.ts";
import { nsgIngressRule } from "../shared/nsg-rule.ts";

/** CIS Azure 6.2: SSH from the internet. */
export const rule = nsgIngressRule({
  id: "PLINTH-AZURE-015",
  title: "Network security groups do not admit SSH (22) from the internet",
  what: "SSH (TCP 22)",
  query: 22,
  port: "22",
  severity: "high",
  frameworks: [cisAzure("6.2"), soc2("CC6.6")],
  aliases: ["CKV_AZURE_10", "AVD-AZU-0050", "azure-network-ssh-blocked-from-internet"],
});
