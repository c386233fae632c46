import { describeUnresolved, isUnresolved } from "../../resource-view.ts";
import type { Rule } from "../../rule.ts";
import { fail, pass, unknown } from "../../rule.ts";
import { cisGcp, soc2 } from "../shared/frameworks.ts";

const PROXY_PURPOSES = new Set([
  "REGIONAL_MANAGED_PROXY",
  "GLOBAL_MANAGED_PROXY",
  "INTERNAL_HTTPS_LOAD_BALANCER",
  "PRIVATE_SERVICE_CONNECT",
  "PRIVATE_NAT",
]);

/** CIS GCP 3.8: VPC flow logs on every subnet. */
export const rule: Rule = {
  meta: {
    id: "PLINTH-GCP-020",
    title: "Subnets have VPC flow logs",
    description:
      "A `log_config` block turns on VPC flow logs for the subnet. Proxy-only and Private Service Connect subnets cannot have flow logs and are not applicable.",
    severity: "low",
    cloud: "gcp",
    resourceTypes: { terraform: ["google_compute_subnetwork"], cloudformation: [] },
    remediation: {
      summary: "Enable flow logs.",
      terraform:
        'log_config {\n  aggregation_interval = "INTERVAL_5_SEC"\n  flow_sampling        = 0.5\n  metadata             = "INCLUDE_ALL_METADATA"\n}',
      plinth: "Network components on GCP always enable flow logs.",
    },
    frameworks: [cisGcp("3.8"), soc2("CC7.2")],
    aliases: ["CKV_GCP_26", "AVD-GCP-0029", "google-compute-enable-vpc-flow-logs", "AVD-GCP-0076"],
    references: ["https://cloud.google.com/vpc/docs/using-flow-logs"],
    defaults: "Off unless log_config is declared.",
  },
  check: (subnet) => {
    const purpose = subnet.get("purpose");
    if (isUnresolved(purpose))
      return unknown(`purpose is not known statically: ${describeUnresolved(purpose)}.`, "purpose");
    if (typeof purpose === "string" && PROXY_PURPOSES.has(purpose))
      return unknown(`Not applicable: ${purpose} subnets do not support flow logs.`, "purpose");
    const config = subnet.blocks("log_config");
    if (isUnresolved(config)) return unknown("log_config is not known statically.", "log_config");
    return config.length > 0
      ? pass("Flow logs are enabled.", "log_config")
      : fail("Flow logs are not enabled (no log_config block).", "log_config");
  },
};
