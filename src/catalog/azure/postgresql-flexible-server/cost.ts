import {
  type CostFunction,
  hourly,
  monthly,
  num,
  str,
  unknownPrice,
  usage,
  usageNumber,
} from "../../cost-components.ts";

/**
 * azurerm_postgresql_flexible_server: compute hours of `sku_name` (`B_Standard_B1ms`,
 * `GP_Standard_D2ds_v5`), doubled by zone-redundant or same-zone high availability, storage
 * (`storage_mb`, default 32 GiB) and backups beyond the server's size from usage
 * (`additional_backup_storage_gb`).
 */
export const postgresqlFlexibleServerCost: CostFunction = (ctx) => {
  const sku = str(ctx, "sku_name");
  const ha = str(ctx, "high_availability.mode") !== undefined;
  const servers = ha ? 2 : 1;
  const storageGb = (num(ctx, "storage_mb") ?? 32768) / 1024;
  return {
    components: [
      sku
        ? hourly(
            `Compute (${sku}${ha ? ", high availability" : ""})`,
            { service: "PostgreSQLFlexible", key: `compute/${sku}` },
            servers,
          )
        : unknownPrice("Compute", "hours", "sku_name is only known after apply"),
      monthly("Storage", "GB", { service: "PostgreSQLFlexible", key: "storage" }, storageGb * servers),
      usage(
        "Additional backup storage",
        "GB",
        { service: "PostgreSQLFlexible", key: "backup-storage" },
        usageNumber(ctx, "additional_backup_storage_gb"),
      ),
    ],
  };
};
