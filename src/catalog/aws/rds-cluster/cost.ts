import { type CostFunction, scaleUsage, str, usage, usageNumber } from "../../cost-components.ts";

/** Seconds in the 730-hour month, for usage given per second. */
const SECONDS_PER_MONTH = 730 * 3600;

/**
 * aws_rds_cluster (Aurora): the cluster's storage and I/O are usage-based (`storage_gb`,
 * `write_requests_per_sec` and `read_requests_per_sec`, `backup_snapshot_size_gb`); serverless v1
 * clusters also bill capacity units (`capacity_units_per_hr`). Instances are priced on
 * aws_rds_cluster_instance.
 */
export const rdsClusterCost: CostFunction = (ctx) => {
  const engine = str(ctx, "engine") ?? "aurora-mysql";
  const ioOptimized = str(ctx, "storage_type") === "aurora-iopt1";
  const storageKey = ioOptimized ? "aurora-io-optimized-storage" : "aurora-storage";
  const writes = usageNumber(ctx, "write_requests_per_sec");
  const reads = usageNumber(ctx, "read_requests_per_sec");
  const io =
    writes === undefined && reads === undefined
      ? undefined
      : ((writes ?? 0) + (reads ?? 0)) * SECONDS_PER_MONTH;
  const components = [
    usage("Storage", "GB", { service: "AmazonRDS", key: storageKey }, usageNumber(ctx, "storage_gb")),
    ...(ioOptimized
      ? []
      : [
          usage(
            "I/O requests",
            "1M requests",
            { service: "AmazonRDS", key: "aurora-io-requests" },
            scaleUsage(io, 1, 1e6),
            1e6,
          ),
        ]),
    usage(
      "Backup storage",
      "GB",
      { service: "AmazonRDS-Storage", key: "backup-storage" },
      usageNumber(ctx, "backup_snapshot_size_gb"),
    ),
  ];
  if (str(ctx, "engine_mode") === "serverless") {
    const acu = usageNumber(ctx, "capacity_units_per_hr");
    components.unshift(
      usage(
        `Aurora capacity units (${engine}, serverless v1)`,
        "ACU-hours",
        { service: "AmazonRDS", key: `${engine}/serverless-v1-acu` },
        scaleUsage(acu, 730),
      ),
    );
  }
  return { components };
};
