import { gcpFirewallRule } from "../shared/firewall-rule.ts";
import { cisGcp, soc2 } from "../shared/frameworks.ts";

/** CIS GCP 3.7: RDP not open to the internet. */
export const rule = gcpFirewallRule({
  id: "PLINTH-GCP-018",
  title: "Firewall rules do not admit RDP (3389) from the internet",
  what: "RDP (TCP 3389)",
  query: 3389,
  port: "3389",
  severity: "high",
  frameworks: [cisGcp("3.7"), soc2("CC6.6")],
  aliases: ["CKV_GCP_3", "AVD-GCP-0070", "google-compute-no-open-rdp-access"],
});
