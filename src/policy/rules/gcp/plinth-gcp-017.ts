import { gcpFirewallRule } from "../shared/firewall-rule.ts";
import { cisGcp, soc2 } from "../shared/frameworks.ts";

/** CIS GCP 3.6: SSH not open to the internet. */
export const rule = gcpFirewallRule({
  id: "PLINTH-GCP-017",
  title: "Firewall rules do not admit SSH (22) from the internet",
  what: "SSH (TCP 22)",
  query: 22,
  port: "22",
  severity: "high",
  frameworks: [cisGcp("3.6"), soc2("CC6.6")],
  aliases: ["CKV_GCP_2", "AVD-GCP-0071", "google-compute-restrict-ssh-access"],
});
