import {
  type ComponentSpec,
  type CostFunction,
  hourly,
  lookupTable,
  monthly,
  num,
  str,
  unknownPrice,
  usage,
  usageNumber,
} from "../../cost-components.ts";

const VCORE_TIERS: Record<string, string> = lookupTable({
  GP: "General Purpose",
  BC: "Business Critical",
  HS: "Hyperscale",
});

/**
 * azurerm_mssql_database: vCore SKUs (`GP_Gen5_2`) bill vCore-hours and storage (`max_size_gb`,
 * default 32); serverless SKUs (`GP_S_Gen5_2`) bill vCore-seconds from usage (`monthly_vcore_hours`);
 * DTU SKUs (Basic, S0…S12, P1…P15) an hourly price that includes their storage.
 */
export const mssqlDatabaseCost: CostFunction = (ctx) => {
  const sku = str(ctx, "sku_name") ?? "GP_S_Gen5_2";
  const parts = sku.split("_");
  const lines: ComponentSpec[] = [];
  if (parts.length >= 3 && VCORE_TIERS[parts[0] as string]) {
    const tier = parts[0] as string;
    const serverless = parts[1] === "S";
    const family = (serverless ? parts[2] : parts[1]) as string;
    const vcores = Number(parts[serverless ? 3 : 2]);
    if (serverless) {
      lines.push(
        usage(
          `Compute (${VCORE_TIERS[tier]}, serverless, ${family})`,
          "vCore-hours",
          { service: "SQLDatabase", key: `${tier}/serverless/${family}/vcore-hour` },
          usageNumber(ctx, "monthly_vcore_hours"),
        ),
      );
    } else if (Number.isFinite(vcores)) {
      lines.push({
        ...hourly(
          `Compute (${VCORE_TIERS[tier]}, ${family}, ${vcores} vCores)`,
          { service: "SQLDatabase", key: `${tier}/${family}/vcore-hour` },
          vcores,
        ),
        unit: "vCore-hours",
      });
    } else lines.push(unknownPrice("Compute", "hours", `sku_name ${sku} is not a vCore SKU plinth knows`));
    lines.push(
      monthly(
        `Storage (${VCORE_TIERS[tier]})`,
        "GB",
        { service: "SQLDatabase", key: `${tier}/storage` },
        num(ctx, "max_size_gb") ?? 32,
      ),
    );
  } else {
    lines.push(hourly(`Database (DTU, ${sku})`, { service: "SQLDatabase", key: `dtu/${sku}` }));
  }
  lines.push(
    usage(
      "Long-term retention backups",
      "GB",
      { service: "SQLDatabase", key: "ltr-backup-storage" },
      usageNumber(ctx, "long_term_retention_storage_gb"),
    ),
  );
  return { components: lines };
};
