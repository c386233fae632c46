import { Ref } from "../../../model/value.ts";
import {
  type CostFunction,
  hourly,
  prop,
  scaleUsage,
  str,
  unknownPrice,
  usage,
  usageNumber,
} from "../../cost-components.ts";
import { auroraEngine, isIoOptimized } from "../rds-cluster/aurora.ts";

/**
 * aws_rds_cluster_instance: hours at the Aurora price of its class and engine (the engine comes from the
 * instance or its cluster), at the I/O-Optimized price when its cluster uses that configuration;
 * `db.serverless` (Aurora Serverless v2) bills capacity units from usage.
 */
export const rdsClusterInstanceCost: CostFunction = (ctx) => {
  const clusterRef = ctx.node.properties.cluster_identifier;
  const cluster = clusterRef instanceof Ref ? ctx.lookup(clusterRef.address) : undefined;
  const clusterEngine = cluster ? prop(ctx, "engine", cluster.properties) : undefined;
  const named = str(ctx, "engine") ?? (typeof clusterEngine === "string" ? clusterEngine : undefined);
  const engine = named === undefined ? undefined : auroraEngine(named);
  const ioOptimized = isIoOptimized(ctx, cluster);
  const instanceClass = str(ctx, "instance_class");
  if (!engine || !instanceClass)
    return {
      components: [unknownPrice("Database instance", "hours", "engine and instance_class are needed")],
    };
  if (instanceClass === "db.serverless") {
    const acu = usageNumber(ctx, "capacity_units_per_hr");
    return {
      components: [
        usage(
          `Aurora capacity units (${engine}, serverless v2${ioOptimized ? ", I/O-Optimized" : ""})`,
          "ACU-hours",
          { service: "AmazonRDS", key: `${engine}/serverless-v2-acu${ioOptimized ? "-io-optimized" : ""}` },
          scaleUsage(acu, 730),
        ),
      ],
    };
  }
  return {
    components: [
      hourly(
        `Database instance (${engine}, on-demand${ioOptimized ? ", I/O-Optimized" : ""}, ${instanceClass})`,
        {
          service: "AmazonRDS",
          key: `${engine}/${ioOptimized ? "IO-Optimized" : "Single-AZ"}/${instanceClass}`,
        },
      ),
    ],
  };
};
