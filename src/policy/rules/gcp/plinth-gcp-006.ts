import { describeUnresolved, isUnresolved } from "../../resource-view.ts";
import type { Rule } from "../../rule.ts";
import { fail, pass, unknown } from "../../rule.ts";
import { cisGcp, soc2 } from "../shared/frameworks.ts";
import { isInternetSource } from "../shared/network.ts";
import { anyOf } from "../shared/tri.ts";

/** CIS GCP 6.5: no 0.0.0.0/0 authorized network. */
export const rule: Rule = {
  meta: {
    id: "PLINTH-GCP-006",
    title: "Cloud SQL instances do not authorize the whole internet",
    description: "No `authorized_networks` entry of the instance's IP configuration is 0.0.0.0/0.",
    severity: "critical",
    cloud: "gcp",
    resourceTypes: { terraform: ["google_sql_database_instance"], cloudformation: [] },
    remediation: {
      summary:
        "Authorize only the networks that need access, or use private IP and the Cloud SQL Auth Proxy.",
      terraform: 'authorized_networks {\n  name  = "office"\n  value = "203.0.113.0/24"\n}',
    },
    frameworks: [cisGcp("6.5"), soc2("CC6.6")],
    aliases: ["CKV_GCP_11", "AVD-GCP-0017", "google-sql-no-public-access"],
    references: ["https://cloud.google.com/sql/docs/postgres/authorize-networks"],
  },
  check: (db) => {
    const networks = db.blocks("settings.ip_configuration.authorized_networks");
    if (isUnresolved(networks))
      return unknown(
        `Its authorized networks are not known statically: ${describeUnresolved(networks)}.`,
        "settings.ip_configuration.authorized_networks",
      );
    const open = anyOf(networks.map((n) => isInternetSource(n.value)));
    if (open === "yes")
      return fail(
        "An authorized network is 0.0.0.0/0: anyone on the internet may connect.",
        "settings.ip_configuration.authorized_networks",
      );
    if (open === "unknown")
      return unknown(
        "An authorized network is not known statically.",
        "settings.ip_configuration.authorized_networks",
      );
    return pass("No authorized network covers the whole internet.", "settings.ip_configuration");
  },
};
