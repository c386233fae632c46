import {
  type ComponentSpec,
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
 * google_sql_database_instance: custom tiers (`db-custom-<vCPUs>-<MB>`) bill vCPU-hours and GB-hours,
 * shared-core tiers (db-f1-micro, db-g1-small) an hourly price; REGIONAL availability doubles them
 * and the storage. Storage is `disk_size` (default 10 GB) of `disk_type` (default PD_SSD); backups come
 * from usage (`backup_storage_gb`).
 */
export const sqlDatabaseInstanceCost: CostFunction = (ctx) => {
  const version = (str(ctx, "database_version") ?? "POSTGRES").split("_")[0]?.toLowerCase() ?? "postgres";
  const tier = str(ctx, "settings.tier");
  const regional = str(ctx, "settings.availability_type") === "REGIONAL";
  const ha = regional ? "regional" : "zonal";
  const lines: ComponentSpec[] = [];
  const custom = tier ? /^db-(?:custom|[a-z0-9]+-custom)-(\d+)-(\d+)$/.exec(tier) : null;
  if (!tier) lines.push(unknownPrice("Instance", "hours", "settings.tier is only known after apply"));
  else if (custom) {
    const vcpus = Number(custom[1]);
    const memoryGb = Number(custom[2]) / 1024;
    lines.push({
      ...hourly(
        `vCPUs (${version}, ${ha}, ${vcpus})`,
        { service: "CloudSQL", key: `${version}/${ha}/vcpu` },
        vcpus,
      ),
      unit: "vCPU-hours",
    });
    lines.push({
      ...hourly(
        `Memory (${version}, ${ha}, ${memoryGb} GB)`,
        { service: "CloudSQL", key: `${version}/${ha}/memory` },
        memoryGb,
      ),
      unit: "GB-hours",
    });
  } else
    lines.push(
      hourly(`Instance (${version}, ${ha}, ${tier})`, {
        service: "CloudSQL",
        key: `${version}/${ha}/${tier}`,
      }),
    );
  const diskType = (str(ctx, "settings.disk_type") ?? "PD_SSD") === "PD_HDD" ? "hdd" : "ssd";
  lines.push(
    monthly(
      `Storage (${diskType.toUpperCase()}, ${ha})`,
      "GB",
      { service: "CloudSQL", key: `storage-${diskType}/${ha}` },
      num(ctx, "settings.disk_size") ?? 10,
    ),
  );
  lines.push(
    usage(
      "Backups",
      "GB",
      { service: "CloudSQL", key: "backup-storage" },
      usageNumber(ctx, "backup_storage_gb"),
    ),
  );
  return { components: lines };
};
