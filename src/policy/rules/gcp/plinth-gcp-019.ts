import { gcpFirewallRule } from "../shared/firewall-rule.ts";
import { soc2 } from "../shared/frameworks.ts";

/** Every port open to the internet. */
export const rule = gcpFirewallRule({
  id: "PLINTH-GCP-019",
  title: "Firewall rules do not admit all ports from the internet",
  what: "every port",
  query: "all",
  port: "443",
  severity: "critical",
  frameworks: [soc2("CC6.6")],
  aliases: ["CKV2_GCP_12", "AVD-GCP-0072", "google-compute-disable-allow-all-ports"],
});
