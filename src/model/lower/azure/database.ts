import { SIZES } from "../../../catalog/sizes.ts";
import type { DatabaseComponent } from "../../../spec/types.ts";
import { Template, type Value } from "../../value.ts";
import type { LoweredComponent, LoweringContext, NetworkInfo } from "../context.ts";
import { DEFAULT_VERSION, databaseName, PORT } from "../database-defaults.ts";
import { lockAgainstDeletion } from "./management-lock.ts";
import { privateDnsZone } from "./private-dns-zone.ts";
import { placement } from "./resource-group.ts";
import { tenantId } from "./tenant.ts";

/** The storage sizes a PostgreSQL flexible server accepts, in MiB. */
const POSTGRES_STORAGE_MB = [
  32768, 65536, 131072, 262144, 524288, 1048576, 2097152, 4193280, 4194304, 8388608, 16777216, 33553408,
];
/** PostgreSQL flexible servers keep backups 7 to 35 days. */
const POSTGRES_MIN_BACKUP_DAYS = 7;
/** Azure names MySQL versions by minor release. */
const MYSQL_VERSIONS: Readonly<Record<string, string>> = { "8": "8.0.21", "8.0": "8.0.21", "5.7": "5.7" };
/** What a private endpoint connects to on each kind of server, and the DNS zone its address goes in. */
const PRIVATE_LINK = {
  postgres: { subresource: "postgresqlServer", zone: "privatelink.postgres.database.azure.com" },
  mysql: { subresource: "mysqlServer", zone: "privatelink.mysql.database.azure.com" },
} as const;

/**
 * A flexible server reachable only through a private endpoint in the network's first private subnet:
 * public network access off, automated backups (longer, and geo-redundant, in production), storage that
 * grows by itself, zone-redundant high availability in production, and with deletion protection (the
 * production default) a CanNotDelete lock. PostgreSQL accepts Microsoft Entra sign-in only, administered
 * by the principal the `azure_db_admin_*` inputs name; MySQL, which cannot turn passwords off in its
 * resource, takes the administrator password from a sensitive input as a write-only argument, so it is
 * kept out of Terraform state as well.
 *
 * The host is the server's name in Azure DNS; inside the network it resolves to the private endpoint,
 * through the engine's privatelink zone linked to the network.
 */
export function lowerAzureDatabase(db: DatabaseComponent, ctx: LoweringContext): LoweredComponent {
  const { engine } = db.props;
  const network = ctx.network(db.props.network);
  const sku = SIZES.azure.database[db.props.size ?? "small"];
  checkHighAvailability(db, ctx, sku);

  const server =
    engine === "postgres" ? addPostgres(db, ctx, sku) : addMysql(db, ctx, sku, mysqlVersion(db, ctx));
  addPrivateEndpoint(db, ctx, network, server);
  if (db.props.deletionProtection ?? ctx.spec.production) lockAgainstDeletion(ctx, db, server);

  const host = ctx.ref(server, "fqdn");
  return {
    attributes: {
      id: ctx.ref(server, "id"),
      host,
      port: PORT[engine],
      endpoint: new Template([host, `:${PORT[engine]}`]),
    },
  };
}

/** Settings both engines' servers share. */
function common(db: DatabaseComponent, ctx: LoweringContext, sku: string): Record<string, Value> {
  const production = ctx.spec.production;
  return {
    name: ctx.physicalName(db, { max: 63 }),
    ...placement(ctx),
    sku_name: sku,
    geo_redundant_backup_enabled: production,
    ...(highAvailability(db, ctx) ? { high_availability: [{ mode: "ZoneRedundant" }] } : {}),
  };
}

function addPostgres(db: DatabaseComponent, ctx: LoweringContext, sku: string): string {
  const name = ctx.localName(db);
  const server = ctx.add(db, "azurerm_postgresql_flexible_server", name, {
    ...common(db, ctx, sku),
    version: db.props.version ?? DEFAULT_VERSION.postgres,
    storage_mb: postgresStorageMb(db, ctx),
    auto_grow_enabled: true,
    backup_retention_days: postgresBackupDays(db, ctx),
    public_network_access_enabled: false,
    authentication: [
      { active_directory_auth_enabled: true, password_auth_enabled: false, tenant_id: tenantId(ctx) },
    ],
  });
  ctx.add(db, "azurerm_postgresql_flexible_server_database", name, {
    name: databaseName(ctx.spec.app),
    server_id: ctx.ref(server, "id"),
    charset: "UTF8",
    collation: "en_US.utf8",
  });
  // Without an Entra administrator nobody can sign in to a server that accepts Entra sign-in only.
  ctx.add(db, "azurerm_postgresql_flexible_server_active_directory_administrator", name, {
    server_name: ctx.ref(server, "name"),
    resource_group_name: placement(ctx).resource_group_name,
    tenant_id: tenantId(ctx),
    ...databaseAdmin(ctx),
  });
  return server;
}

/**
 * The Microsoft Entra principal administering the PostgreSQL servers, as inputs: a group by default, so
 * administrators come and go without a change to the servers. Its name becomes the administrator's role
 * name in PostgreSQL.
 */
function databaseAdmin(ctx: LoweringContext): Record<string, Value> {
  return {
    object_id: ctx.variable({
      name: "azure_db_admin_object_id",
      type: "string",
      description:
        "Object ID of the Microsoft Entra group, user or service principal administering the PostgreSQL servers",
    }),
    principal_name: ctx.variable({
      name: "azure_db_admin_name",
      type: "string",
      description:
        "Name of that principal (a group's display name, a user's principal name); the administrator's role name",
    }),
    principal_type: ctx.variable({
      name: "azure_db_admin_type",
      type: "string",
      description: "Kind of that principal: Group, User or ServicePrincipal",
      default: "Group",
    }),
  };
}

function addMysql(db: DatabaseComponent, ctx: LoweringContext, sku: string, version: string): string {
  const name = ctx.localName(db);
  const password = ctx.variable({
    name: `${name}_admin_password`,
    type: "string",
    description: `Administrator password of the ${db.name} MySQL server (write-only: never stored in state)`,
    sensitive: true,
  });
  const server = ctx.add(
    db,
    "azurerm_mysql_flexible_server",
    name,
    {
      ...common(db, ctx, sku),
      version,
      administrator_login: "app_admin",
      administrator_password_wo: password,
      // Bump to send a new password: write-only arguments are never compared with the server's.
      administrator_password_wo_version: 1,
      storage: [{ size_gb: db.props.storageGb ?? 20, auto_grow_enabled: true }],
      backup_retention_days: backupDays(db, ctx),
      public_network_access: "Disabled",
    },
    { sensitive: [["administrator_password_wo"]] },
  );
  ctx.add(db, "azurerm_mysql_flexible_database", name, {
    name: databaseName(ctx.spec.app),
    resource_group_name: placement(ctx).resource_group_name,
    server_name: ctx.ref(server, "name"),
    charset: "utf8mb4",
    collation: "utf8mb4_unicode_ci",
  });
  return server;
}

function addPrivateEndpoint(
  db: DatabaseComponent,
  ctx: LoweringContext,
  network: NetworkInfo,
  server: string,
): void {
  const subnet = network.subnets.find((s) => !s.public);
  if (!subnet) {
    ctx.error(
      `The database \`${db.name}\` needs a private subnet in network \`${network.component}\` for its private endpoint.`,
      ctx.spec.sources.value(`${db.pointer}/network`),
      "Add a subnet without `public: true`.",
    );
  }
  const link = PRIVATE_LINK[db.props.engine];
  const zone = privateDnsZone(ctx, db.props.engine, link.zone, network);
  ctx.add(db, "azurerm_private_endpoint", ctx.localName(db), {
    name: ctx.physicalName(db, { max: 80 }, "pe"),
    ...placement(ctx),
    subnet_id: subnet?.id ?? null,
    custom_network_interface_name: ctx.physicalName(db, { max: 80 }, "pe-nic"),
    private_service_connection: [
      {
        name: ctx.physicalName(db, { max: 80 }, "psc"),
        is_manual_connection: false,
        private_connection_resource_id: ctx.ref(server, "id"),
        subresource_names: [link.subresource],
      },
    ],
    private_dns_zone_group: [{ name: db.props.engine, private_dns_zone_ids: [ctx.ref(zone, "id")] }],
  });
}

function highAvailability(db: DatabaseComponent, ctx: LoweringContext): boolean {
  return db.props.highAvailability ?? ctx.spec.production;
}

/** Burstable servers (size small) have no high availability on Azure; saying so beats a failed apply. */
function checkHighAvailability(db: DatabaseComponent, ctx: LoweringContext, sku: string): void {
  if (!highAvailability(db, ctx) || !sku.startsWith("B_")) return;
  const explicit = db.props.highAvailability !== undefined;
  ctx.error(
    `The database \`${db.name}\` needs high availability${explicit ? "" : " (the production default)"}, which Azure does not offer for size \`${db.props.size ?? "small"}\` (${sku}).`,
    explicit || db.props.size
      ? ctx.spec.sources.value(`${db.pointer}/${explicit ? "highAvailability" : "size"}`)
      : db.location,
    "Use size medium or large, or set `highAvailability: false`.",
  );
}

function backupDays(db: DatabaseComponent, ctx: LoweringContext): number {
  return db.props.backupRetentionDays ?? (ctx.spec.production ? 30 : 7);
}

function postgresBackupDays(db: DatabaseComponent, ctx: LoweringContext): number {
  const days = backupDays(db, ctx);
  if (days >= POSTGRES_MIN_BACKUP_DAYS) return days;
  ctx.bag.warn(
    `The database \`${db.name}\` keeps backups ${POSTGRES_MIN_BACKUP_DAYS} days, the least Azure allows, not ${days}.`,
    ctx.spec.sources.value(`${db.pointer}/backupRetentionDays`),
  );
  return POSTGRES_MIN_BACKUP_DAYS;
}

/** The smallest allowed size holding `storageGb`. */
function postgresStorageMb(db: DatabaseComponent, ctx: LoweringContext): number {
  const wanted = (db.props.storageGb ?? 20) * 1024;
  const size = POSTGRES_STORAGE_MB.find((mb) => mb >= wanted);
  if (size !== undefined) return size;
  const largest = POSTGRES_STORAGE_MB[POSTGRES_STORAGE_MB.length - 1] as number;
  ctx.error(
    `The database \`${db.name}\` asks for ${db.props.storageGb} GB; PostgreSQL on Azure holds at most ${Math.floor(largest / 1024)} GB.`,
    ctx.spec.sources.value(`${db.pointer}/storageGb`),
  );
  return largest;
}

function mysqlVersion(db: DatabaseComponent, ctx: LoweringContext): string {
  const version = db.props.version ?? DEFAULT_VERSION.mysql;
  const azure = MYSQL_VERSIONS[version];
  if (azure) return azure;
  ctx.error(
    `MySQL ${version} of database \`${db.name}\` is not offered on Azure.`,
    ctx.spec.sources.value(`${db.pointer}/version`),
    `Versions: ${Object.keys(MYSQL_VERSIONS).join(", ")}.`,
  );
  return version;
}
