import { Ref } from "../../../model/value.ts";
import {
  bool,
  type ComponentSpec,
  type CostContext,
  type CostFunction,
  hourly,
  lookupTable,
  monthly,
  num,
  prop,
  str,
  unknownPrice,
  usage,
  usageNumber,
} from "../../cost-components.ts";

/** gp3 on RDS includes 3,000 IOPS and 125 MiB/s below 400 GB, 12,000 IOPS and 500 MiB/s from 400 GB. */
function gp3Baseline(engine: string, sizeGb: number): { iops: number; throughput: number } {
  const large = sizeGb >= 400 && !engine.startsWith("sqlserver");
  return large ? { iops: 12000, throughput: 500 } : { iops: 3000, throughput: 125 };
}

const STORAGE_KEY: Record<string, string> = lookupTable({
  gp2: "gp2",
  gp3: "gp3",
  io1: "io1",
  standard: "magnetic",
  io2: "io2",
});

/**
 * aws_db_instance: instance hours by engine, class and deployment (Multi-AZ doubles both), storage by
 * type (the API's default is io1 when IOPS are set, otherwise gp2), provisioned IOPS and throughput, and
 * backup storage beyond the free allocation from usage (`additional_backup_storage_gb`). A read replica
 * without an engine of its own runs its source's, when the source is in the same graph.
 */
export const dbInstanceCost: CostFunction = (ctx) => {
  const engine = str(ctx, "engine") ?? sourceEngine(ctx) ?? "";
  const instanceClass = str(ctx, "instance_class");
  const multiAz = bool(ctx, "multi_az") ?? false;
  const deployment = multiAz ? "Multi-AZ" : "Single-AZ";
  const az = multiAz ? "multi-az" : "single-az";
  const lines: ComponentSpec[] = [];
  if (!instanceClass || !engine) {
    lines.push(
      unknownPrice(
        "Database instance",
        "hours",
        "engine and instance_class are needed (a replica inherits them)",
      ),
    );
  } else {
    lines.push(
      hourly(`Database instance (${engine}, on-demand, ${deployment}, ${instanceClass})`, {
        service: "AmazonRDS",
        key: `${engine}/${deployment}/${instanceClass}`,
      }),
    );
  }
  const iops = num(ctx, "iops");
  const storageType = str(ctx, "storage_type") ?? (iops ? "io1" : "gp2");
  const sizeGb = num(ctx, "allocated_storage");
  const storage = { service: "AmazonRDS-Storage", key: `${STORAGE_KEY[storageType] ?? storageType}-${az}` };
  if (sizeGb === undefined)
    lines.push(
      unknownPrice(
        `Storage (${storageType})`,
        "GB",
        "allocated_storage is not set (restored or replica storage)",
      ),
    );
  else lines.push(monthly(`Storage (${storageType})`, "GB", storage, sizeGb));
  if (storageType === "io1" || storageType === "io2") {
    lines.push(
      monthly(
        "Provisioned IOPS",
        "IOPS",
        { service: "AmazonRDS-Storage", key: `${storageType}-iops-${az}` },
        iops ?? 0,
      ),
    );
  } else if (storageType === "gp3" && sizeGb !== undefined) {
    const baseline = gp3Baseline(engine, sizeGb);
    const extraIops = Math.max(0, (iops ?? baseline.iops) - baseline.iops);
    if (extraIops > 0)
      lines.push(
        monthly(
          `Provisioned IOPS (above ${baseline.iops})`,
          "IOPS",
          { service: "AmazonRDS-Storage", key: `gp3-iops-${az}` },
          extraIops,
        ),
      );
    const extraThroughput = Math.max(
      0,
      (num(ctx, "storage_throughput") ?? baseline.throughput) - baseline.throughput,
    );
    if (extraThroughput > 0)
      lines.push(
        monthly(
          `Provisioned throughput (above ${baseline.throughput} MiB/s)`,
          "MiBps",
          { service: "AmazonRDS-Storage", key: `gp3-throughput-${az}` },
          extraThroughput,
        ),
      );
  }
  lines.push(
    usage(
      "Additional backup storage",
      "GB",
      { service: "AmazonRDS-Storage", key: "backup-storage" },
      usageNumber(ctx, "additional_backup_storage_gb"),
    ),
  );
  return { components: lines };
};

/** The engine of the instance a replica's `replicate_source_db` refers to. */
function sourceEngine(ctx: CostContext): string | undefined {
  const source = ctx.node.properties.replicate_source_db;
  const node = source instanceof Ref ? ctx.lookup(source.address) : undefined;
  const engine = node ? prop(ctx, "engine", node.properties) : undefined;
  return typeof engine === "string" ? engine : undefined;
}
