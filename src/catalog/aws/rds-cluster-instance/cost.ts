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

/**
 * aws_rds_cluster_instance: hours at the Aurora price of its class and engine (the engine comes from the
 * instance or its cluster); `db.serverless` (Aurora Serverless v2) bills capacity units from usage.
 */
export const rdsClusterInstanceCost: CostFunction = (ctx) => {
  const clusterRef = ctx.node.properties.cluster_identifier;
  const cluster = clusterRef instanceof Ref ? ctx.lookup(clusterRef.address) : undefined;
  const clusterEngine = cluster ? prop(ctx, "engine", cluster.properties) : undefined;
  const engine = str(ctx, "engine") ?? (typeof clusterEngine === "string" ? clusterEngine : undefined);
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
          `Aurora capacity units (${engine}, serverless v2)`,
          "ACU-hours",
          { service: "AmazonRDS", key: `${engine}/serverless-v2-acu` },
          scaleUsage(acu, 730),
        ),
      ],
    };
  }
  return {
    components: [
      hourly(`Database instance (${engine}, on-demand, ${instanceClass})`, {
        service: "AmazonRDS",
        key: `${engine}/Single-AZ/${instanceClass}`,
      }),
    ],
  };
};
