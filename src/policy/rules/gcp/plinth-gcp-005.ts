import type { Rule } from "../../rule.ts";
import { expectBool } from "../shared/attribute-checks.ts";
import { cisGcp, soc2 } from "../shared/frameworks.ts";

/** CIS GCP 6.6: no public IP on Cloud SQL. */
export const rule: Rule = {
  meta: {
    id: "PLINTH-GCP-005",
    title: "Cloud SQL instances have no public IP address",
    description:
      "`settings.ip_configuration.ipv4_enabled = false`: the instance is reached over private IP only.",
    severity: "high",
    cloud: "gcp",
    resourceTypes: { terraform: ["google_sql_database_instance"], cloudformation: [] },
    remediation: {
      summary: "Use private IP (private services access) and turn off the public address.",
      terraform:
        'resource "google_sql_database_instance" "db" {\n  settings {\n    ip_configuration {\n      ipv4_enabled    = false\n      private_network = google_compute_network.net.id\n    }\n  }\n}',
      plinth: "`type: database` components on GCP are private only.",
    },
    frameworks: [cisGcp("6.6"), soc2("CC6.6")],
    aliases: ["CKV_GCP_60"],
    references: ["https://cloud.google.com/sql/docs/postgres/configure-private-ip"],
    defaults: "ipv4_enabled defaults to true: an instance without ip_configuration has a public IP.",
  },
  check: (db) =>
    expectBool(db, "settings.ip_configuration.ipv4_enabled", false, {
      whenAbsent: "fail",
      pass: "The instance has no public IP address.",
      fail: "ipv4_enabled is true: the instance has a public IP address.",
      absent: "settings.ip_configuration.ipv4_enabled is not set, so the instance gets a public IP address.",
    }),
};
