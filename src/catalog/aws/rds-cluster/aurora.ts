import type { ResourceNode } from "../../../model/graph.ts";
import { type CostContext, prop } from "../../cost-components.ts";

/** Aurora's engine as the price list names it: the legacy `aurora` engine is Aurora MySQL. */
export function auroraEngine(engine: string): string {
  return engine === "aurora" ? "aurora-mysql" : engine;
}

/** Whether a cluster uses Aurora I/O-Optimized (`storage_type = "aurora-iopt1"`), which reprices its instances. */
export function isIoOptimized(ctx: CostContext, cluster: ResourceNode | undefined): boolean {
  return cluster !== undefined && prop(ctx, "storage_type", cluster.properties) === "aurora-iopt1";
}
