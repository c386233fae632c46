import type { Rule } from "../../rule.ts";
import { expectBool } from "../shared/attribute-checks.ts";
import { cisGcp, soc2 } from "../shared/frameworks.ts";
import { COMPUTE_INSTANCE_TYPES } from "../shared/gcp-metadata.ts";

/** CIS GCP 4.6: no IP forwarding. */
export const rule: Rule = {
  meta: {
    id: "PLINTH-GCP-015",
    title: "Compute instances do not forward IP packets",
    description:
      "`can_ip_forward` is not true, so an instance cannot send or receive packets for addresses that are not its own.",
    severity: "medium",
    cloud: "gcp",
    resourceTypes: { terraform: COMPUTE_INSTANCE_TYPES, cloudformation: [] },
    remediation: {
      summary: "Turn IP forwarding off unless the instance is a router or NAT appliance.",
      terraform: "can_ip_forward = false",
    },
    frameworks: [cisGcp("4.6"), soc2("CC6.6")],
    aliases: ["CKV_GCP_36", "AVD-GCP-0043", "google-compute-no-ip-forwarding"],
    references: ["https://cloud.google.com/vpc/docs/using-routes#canipforward"],
    defaults: "Terraform's default is false.",
  },
  check: (instance) =>
    expectBool(instance, "can_ip_forward", false, {
      whenAbsent: "pass",
      pass: "IP forwarding is off.",
      fail: "can_ip_forward is true.",
    }),
};
