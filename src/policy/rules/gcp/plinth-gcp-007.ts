import { describeUnresolved, isUnresolved } from "../../resource-view.ts";
import type { Rule } from "../../rule.ts";
import { fail, pass, unknown } from "../../rule.ts";
import { cisGcp, soc2 } from "../shared/frameworks.ts";

const TLS_MODES = new Set(["ENCRYPTED_ONLY", "TRUSTED_CLIENT_CERTIFICATE_REQUIRED"]);

/** CIS GCP 6.4: SSL required for all connections. */
export const rule: Rule = {
  meta: {
    id: "PLINTH-GCP-007",
    title: "Cloud SQL instances require TLS for every connection",
    description:
      "`settings.ip_configuration.ssl_mode` is ENCRYPTED_ONLY or TRUSTED_CLIENT_CERTIFICATE_REQUIRED (or the older `require_ssl = true`), so no client connects in clear text.",
    severity: "high",
    cloud: "gcp",
    resourceTypes: { terraform: ["google_sql_database_instance"], cloudformation: [] },
    remediation: {
      summary: "Require TLS.",
      terraform: 'settings {\n  ip_configuration {\n    ssl_mode = "ENCRYPTED_ONLY"\n  }\n}',
      plinth: "`type: database` components on GCP always require TLS.",
    },
    frameworks: [cisGcp("6.4"), soc2("CC6.7")],
    aliases: ["CKV_GCP_6", "AVD-GCP-0015", "google-sql-encrypt-in-transit-data"],
    references: ["https://cloud.google.com/sql/docs/postgres/configure-ssl-instance"],
    defaults: "Absent means ALLOW_UNENCRYPTED_AND_ENCRYPTED, which fails.",
  },
  check: (db) => {
    const mode = db.get("settings.ip_configuration.ssl_mode");
    const legacy = db.get("settings.ip_configuration.require_ssl");
    if (typeof mode === "string" && TLS_MODES.has(mode))
      return pass(`ssl_mode is ${mode}.`, "settings.ip_configuration.ssl_mode");
    if (legacy === true) return pass("require_ssl is true.", "settings.ip_configuration.require_ssl");
    for (const [path, value] of [
      ["ssl_mode", mode],
      ["require_ssl", legacy],
    ] as const)
      if (isUnresolved(value))
        return unknown(
          `${path} is not known statically: ${describeUnresolved(value)}.`,
          `settings.ip_configuration.${path}`,
        );
    return mode === undefined
      ? fail(
          "TLS is not required: ssl_mode is not set, so unencrypted connections are accepted.",
          "settings.ip_configuration",
        )
      : fail(
          `ssl_mode is ${String(mode)}: unencrypted connections are accepted.`,
          "settings.ip_configuration.ssl_mode",
        );
  },
};
