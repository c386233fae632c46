import { type ArmMapping, defined, enabled, ID, NAME, reference } from "../../arm-mapping.ts";
import { flexibleSku } from "../mysql-flexible-server/arm.ts";

export const postgresqlFlexibleServer: ArmMapping = {
  type: "Microsoft.DBforPostgreSQL/flexibleServers",
  apiVersion: "2024-08-01",
  body: (args) => {
    const storageMb = args.get("storage_mb");
    const auth = args.block("authentication");
    const ha = args.block("high_availability");
    return {
      sku: flexibleSku(args.get("sku_name")),
      properties: defined({
        version: args.get("version"),
        storage: defined({
          storageSizeGB: typeof storageMb === "number" ? Math.floor(storageMb / 1024) : undefined,
          autoGrow: enabled(args.get("auto_grow_enabled")),
        }),
        backup: defined({
          backupRetentionDays: args.get("backup_retention_days"),
          geoRedundantBackup: enabled(args.get("geo_redundant_backup_enabled")),
        }),
        network: defined({ publicNetworkAccess: enabled(args.get("public_network_access_enabled")) }),
        authConfig:
          Object.keys(auth).length === 0
            ? undefined
            : defined({
                activeDirectoryAuth: enabled(auth.active_directory_auth_enabled),
                passwordAuth: enabled(auth.password_auth_enabled),
                tenantId: auth.tenant_id,
              }),
        highAvailability: ha.mode === undefined ? undefined : { mode: ha.mode },
      }),
    };
  },
  attributes: { id: ID, name: NAME, fqdn: reference("fullyQualifiedDomainName") },
};
