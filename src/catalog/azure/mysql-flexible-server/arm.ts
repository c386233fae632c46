import type { Value } from "../../../model/value.ts";
import { type ArmMapping, defined, enabled, ID, NAME, reference } from "../../arm-mapping.ts";

const TIERS: Readonly<Record<string, string>> = {
  B: "Burstable",
  GP: "GeneralPurpose",
  MO: "MemoryOptimized",
};

/** azurerm's `B_Standard_B1ms` is ARM's `{ name: Standard_B1ms, tier: Burstable }`. */
export function flexibleSku(skuName: Value | undefined): Record<string, Value> {
  if (typeof skuName !== "string") return { name: skuName ?? null };
  const [prefix, ...rest] = skuName.split("_");
  return { name: rest.join("_"), tier: TIERS[prefix as string] ?? (prefix as string) };
}

export const mysqlFlexibleServer: ArmMapping = {
  type: "Microsoft.DBforMySQL/flexibleServers",
  apiVersion: "2023-12-30",
  body: (args) => {
    const storage = args.block("storage");
    const ha = args.block("high_availability");
    // ARM has no write-only version counter: a new password is sent whenever the parameter changes.
    args.get("administrator_password_wo_version");
    return {
      sku: flexibleSku(args.get("sku_name")),
      properties: defined({
        version: args.get("version"),
        administratorLogin: args.get("administrator_login"),
        administratorLoginPassword: args.get("administrator_password_wo"),
        storage: defined({ storageSizeGB: storage.size_gb, autoGrow: enabled(storage.auto_grow_enabled) }),
        backup: defined({
          backupRetentionDays: args.get("backup_retention_days"),
          geoRedundantBackup: enabled(args.get("geo_redundant_backup_enabled")),
        }),
        network: defined({ publicNetworkAccess: args.get("public_network_access") }),
        highAvailability: ha.mode === undefined ? undefined : { mode: ha.mode },
      }),
    };
  },
  attributes: { id: ID, name: NAME, fqdn: reference("fullyQualifiedDomainName") },
};
