import { SIZES } from "../../../catalog/sizes.ts";
import type { DatabaseComponent } from "../../../spec/types.ts";
import { Template, type Value } from "../../value.ts";
import type { LoweredComponent, LoweringContext } from "../context.ts";
import { DEFAULT_VERSION, databaseName, PORT } from "../database-defaults.ts";
import { privateServices } from "./private-services.ts";
import { enableApi } from "./project.ts";

type Engine = DatabaseComponent["props"]["engine"];

/**
 * Cloud SQL instance reachable only at a private address in the network (no public IP, TLS required),
 * IAM database authentication instead of passwords, automated backups with point-in-time recovery,
 * CIS-recommended logging flags; in production regional high availability and deletion protection.
 * No user with a password is created: Terraform removes MySQL's default root@%, and Postgres's default
 * user has no password to log in with.
 */
export function lowerGcpDatabase(db: DatabaseComponent, ctx: LoweringContext): LoweredComponent {
  const name = ctx.localName(db);
  const { engine } = db.props;
  const production = ctx.spec.production;
  const network = ctx.network(db.props.network);
  const services = privateServices(ctx, network);
  const deletionProtection = db.props.deletionProtection ?? production;
  const storageGb = db.props.storageGb ?? 20;
  const address = `google_sql_database_instance.${name}`;

  const instance = ctx.add(
    db,
    "google_sql_database_instance",
    name,
    {
      name: ctx.physicalName(db, { max: 63 }),
      region: ctx.region,
      database_version: databaseVersion(engine, db.props.version ?? DEFAULT_VERSION[engine]),
      // Terraform's own guard against `destroy`; settings.deletion_protection_enabled is the API's.
      deletion_protection: deletionProtection,
      settings: [
        {
          tier: SIZES.gcp.database[db.props.size ?? "small"],
          edition: "ENTERPRISE",
          availability_type: (db.props.highAvailability ?? production) ? "REGIONAL" : "ZONAL",
          disk_type: "PD_SSD",
          disk_size: storageGb,
          disk_autoresize: true,
          disk_autoresize_limit: storageGb * 5,
          deletion_protection_enabled: deletionProtection,
          // Keeps the automated backups when the instance is deleted, so a mistaken delete is recoverable.
          retain_backups_on_delete: production,
          user_labels: ctx.tagsFor(address, db),
          ip_configuration: [
            {
              ipv4_enabled: false,
              private_network: network.id,
              allocated_ip_range: services.range,
              ssl_mode: "ENCRYPTED_ONLY",
            },
          ],
          backup_configuration: [backups(engine, db.props.backupRetentionDays ?? (production ? 30 : 7))],
          database_flags: FLAGS[engine].map(([flag, value]) => ({ name: flag, value })),
          insights_config: [{ query_insights_enabled: true, record_application_tags: true }],
          maintenance_window: [{ day: 7, hour: 3, update_track: "stable" }],
        },
      ],
    },
    // The private address comes from the peering, which no property refers to.
    { dependsOn: [services.connection, enableApi(ctx, "sqladmin")] },
  );
  ctx.add(db, "google_sql_database", name, {
    name: databaseName(ctx.spec.app),
    instance: ctx.ref(instance, "name"),
  });

  const host = ctx.ref(instance, "private_ip_address");
  return {
    attributes: {
      id: ctx.ref(instance, "id"),
      host,
      // Cloud SQL always listens on the engine's standard port and exports no port attribute.
      port: PORT[engine],
      endpoint: new Template([host, `:${PORT[engine]}`]),
    },
  };
}

/** `16` → POSTGRES_16 (Cloud SQL offers Postgres majors only), `8.0` → MYSQL_8_0, `8.4` → MYSQL_8_4. */
export function databaseVersion(engine: Engine, version: string): string {
  return engine === "postgres"
    ? `POSTGRES_${version.split(".")[0]}`
    : `MYSQL_${version.replaceAll(".", "_")}`;
}

function backups(engine: Engine, retainedDays: number): Record<string, Value> {
  return {
    enabled: true,
    start_time: "02:00",
    // Point-in-time recovery: Postgres keeps WAL, MySQL needs the binary log for it.
    ...(engine === "postgres" ? { point_in_time_recovery_enabled: true } : { binary_log_enabled: true }),
    // Cloud SQL Enterprise keeps 1 to 7 days of logs, fewer than the backups they replay onto.
    transaction_log_retention_days: Math.max(1, Math.min(7, retainedDays - 1)),
    backup_retention_settings: [{ retained_backups: retainedDays, retention_unit: "COUNT" }],
  };
}

/**
 * IAM authentication, plus the CIS benchmark's flags: log connections, lock waits and temp files, never
 * statement text (it can hold data); for MySQL no LOAD DATA LOCAL and no database listing for everyone.
 */
const FLAGS: Readonly<Record<Engine, ReadonlyArray<[string, string]>>> = {
  postgres: [
    ["cloudsql.iam_authentication", "on"],
    ["log_checkpoints", "on"],
    ["log_connections", "on"],
    ["log_disconnections", "on"],
    ["log_lock_waits", "on"],
    ["log_min_duration_statement", "-1"],
    ["log_temp_files", "0"],
  ],
  mysql: [
    ["cloudsql_iam_authentication", "on"],
    ["local_infile", "off"],
    ["skip_show_database", "on"],
  ],
};
