import { describeUnresolved, isUnresolved } from "../../resource-view.ts";
import type { Rule } from "../../rule.ts";
import { fail, pass, unknown } from "../../rule.ts";
import { cisGcp, soc2 } from "../shared/frameworks.ts";
import { COMPUTE_INSTANCE_TYPES } from "../shared/gcp-metadata.ts";

/** CIS GCP 4.9: no external IP. */
export const rule: Rule = {
  meta: {
    id: "PLINTH-GCP-009",
    title: "Compute instances have no public IP address",
    description:
      "No `network_interface` has an `access_config` block, which is what gives an instance an external IP.",
    severity: "high",
    cloud: "gcp",
    resourceTypes: { terraform: COMPUTE_INSTANCE_TYPES, cloudformation: [] },
    remediation: {
      summary:
        "Remove access_config; reach the instance through IAP or a load balancer, and use Cloud NAT for egress.",
      terraform:
        "network_interface {\n  subnetwork = google_compute_subnetwork.app.id\n  # no access_config block\n}",
      plinth: "`type: vm` components on GCP never get an external IP.",
    },
    frameworks: [cisGcp("4.9"), soc2("CC6.6")],
    aliases: ["CKV_GCP_40", "AVD-GCP-0031", "google-compute-no-public-ip"],
    references: ["https://cloud.google.com/compute/docs/ip-addresses/reserve-static-external-ip-address"],
  },
  check: (instance) => {
    const interfaces = instance.blocks("network_interface");
    if (isUnresolved(interfaces))
      return unknown(
        `Its network interfaces are not known statically: ${describeUnresolved(interfaces)}.`,
        "network_interface",
      );
    for (const nic of interfaces) {
      const access = nic.access_config;
      if (isUnresolved(access))
        return unknown("A network interface's access_config is not known statically.", "network_interface");
      if (Array.isArray(access) ? access.length > 0 : access !== undefined && access !== null)
        return fail(
          "A network interface has an access_config: the instance gets an external IP address.",
          "network_interface.access_config",
        );
    }
    return pass("No network interface has an external IP address.", "network_interface");
  },
};
