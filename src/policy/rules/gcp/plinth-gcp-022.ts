import { describeUnresolved, isUnresolved } from "../../resource-view.ts";
import type { Rule } from "../../rule.ts";
import { fail, pass, unknown } from "../../rule.ts";
import { cisGcp, soc2 } from "../shared/frameworks.ts";

/** CIS GCP 3.3: DNSSEC on public zones. */
export const rule: Rule = {
  meta: {
    id: "PLINTH-GCP-022",
    title: "Public Cloud DNS zones have DNSSEC enabled",
    description:
      '`dnssec_config.state = "on"` signs the zone, protecting resolvers from spoofed answers. Private zones are not applicable.',
    severity: "medium",
    cloud: "gcp",
    resourceTypes: { terraform: ["google_dns_managed_zone"], cloudformation: [] },
    remediation: {
      summary: "Turn DNSSEC on.",
      terraform: 'dnssec_config {\n  state = "on"\n}',
    },
    frameworks: [cisGcp("3.3"), soc2("CC6.6")],
    aliases: ["CKV_GCP_16", "AVD-GCP-0013", "google-dns-enable-dnssec"],
    references: ["https://cloud.google.com/dns/docs/dnssec-config"],
    defaults: "Absent means off, which fails for public zones.",
  },
  check: (zone) => {
    const visibility = zone.get("visibility");
    if (isUnresolved(visibility))
      return unknown(`visibility is not known statically: ${describeUnresolved(visibility)}.`, "visibility");
    if (visibility === "private") return unknown("Not applicable: DNSSEC is for public zones.", "visibility");
    const state = zone.get("dnssec_config.state");
    if (isUnresolved(state))
      return unknown(
        `dnssec_config.state is not known statically: ${describeUnresolved(state)}.`,
        "dnssec_config.state",
      );
    return state === "on"
      ? pass("DNSSEC is on.", "dnssec_config.state")
      : fail(
          state === undefined
            ? 'DNSSEC is not enabled (no dnssec_config with state = "on").'
            : `dnssec_config.state is ${String(state)}.`,
          "dnssec_config",
        );
  },
};
