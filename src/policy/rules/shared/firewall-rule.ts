import { describeUnresolved, isUnresolved } from "../../resource-view.ts";
import type { Rule } from "../../rule.ts";
import { unknown } from "../../rule.ts";
import { type ExposureRuleOptions, exposureVerdict, gcpFirewallExposes } from "./network.ts";

/** A rule refusing google_compute_firewall rules that open `query` to 0.0.0.0/0. */
export function gcpFirewallRule(options: ExposureRuleOptions): Rule {
  return {
    meta: {
      id: options.id,
      title: options.title,
      description: `No enabled ingress firewall rule admits ${options.what} from 0.0.0.0/0 (an \`allow\` block without \`ports\` covers every port of its protocol; protocol \`all\` covers every port).`,
      severity: options.severity,
      cloud: "gcp",
      resourceTypes: { terraform: ["google_compute_firewall"], cloudformation: [] },
      remediation: {
        summary: `Admit ${options.what} only from known ranges, such as Identity-Aware Proxy's 35.235.240.0/20.`,
        terraform: `resource "google_compute_firewall" "admin" {\n  direction     = "INGRESS"\n  source_ranges = ["35.235.240.0/20"]\n  allow {\n    protocol = "tcp"\n    ports    = ["${options.port}"]\n  }\n}`,
        plinth: "plinth refuses SSH and RDP from 0.0.0.0/0 in a vm's `ingress:`; give a narrower `cidr`.",
      },
      frameworks: options.frameworks,
      aliases: options.aliases,
      references: ["https://cloud.google.com/firewall/docs/firewalls"],
      defaults:
        "`direction` defaults to INGRESS. Source tags or service accounts without source_ranges do not admit the internet.",
    },
    check: (firewall) => {
      const sources = firewall.get("source_ranges");
      if (isUnresolved(sources))
        return unknown(
          `source_ranges is not known statically: ${describeUnresolved(sources)}.`,
          "source_ranges",
        );
      return exposureVerdict(gcpFirewallExposes(firewall, options.query), options.what, "source_ranges");
    },
  };
}
