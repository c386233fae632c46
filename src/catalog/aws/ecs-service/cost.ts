import { Ref, type ValueObject } from "../../../model/value.ts";
import {
  blocks,
  type CostContext,
  type CostFunction,
  hourly,
  num,
  prop,
  str,
  unknownPrice,
  usageNumber,
} from "../../cost-components.ts";

/** Fargate task sizes are written as CPU units (`256`) or `0.25 vCPU`, memory as MiB (`512`) or `1 GB`. */
export function parseTaskSize(value: unknown, perUnit: number): number | undefined {
  if (typeof value === "number") return value / perUnit;
  if (typeof value !== "string") return undefined;
  const match = /^\s*([\d.]+)\s*(vcpu|gb)?\s*$/i.exec(value);
  if (!match) return undefined;
  const amount = Number(match[1]);
  return match[2] ? amount : amount / perUnit;
}

/**
 * Fargate lines for `tasks` running all month: vCPU-hours and GB-hours by architecture, and ephemeral
 * storage above the included 20 GB.
 */
export function fargateLines(ctx: CostContext, task: ValueObject | undefined, tasks: number) {
  const cpu = task ? parseTaskSize(prop(ctx, "cpu", task), 1024) : undefined;
  const memory = task ? parseTaskSize(prop(ctx, "memory", task), 1024) : undefined;
  if (cpu === undefined || memory === undefined) {
    return [
      unknownPrice("Fargate vCPU and memory", "hours", "the task definition's cpu and memory are not known"),
    ];
  }
  const arch = task && str(ctx, "runtime_platform.cpu_architecture", task) === "ARM64" ? "arm" : "x86";
  const lines = [
    hourly(
      `Fargate vCPU (Linux/${arch === "arm" ? "ARM" : "x86"})`,
      { service: "AmazonECS", key: `fargate-vcpu-hour-linux-${arch}` },
      cpu * tasks,
    ),
    hourly(
      `Fargate memory (Linux/${arch === "arm" ? "ARM" : "x86"})`,
      { service: "AmazonECS", key: `fargate-gb-hour-linux-${arch}` },
      memory * tasks,
    ),
  ];
  for (const line of lines) line.unit = line.name.includes("vCPU") ? "vCPU-hours" : "GB-hours";
  const storage = task ? num(ctx, "ephemeral_storage.size_in_gib", task) : undefined;
  if (storage !== undefined && storage > 20) {
    lines.push({
      ...hourly(
        "Fargate ephemeral storage (above 20 GB)",
        { service: "AmazonECS", key: "fargate-ephemeral-storage-gb-hour" },
        (storage - 20) * tasks,
      ),
      unit: "GB-hours",
    });
  }
  return lines;
}

/**
 * aws_ecs_service on Fargate: `desired_count` tasks (the provider's default is 0) of its task
 * definition. Services on EC2 capacity cost nothing themselves: their instances are priced.
 */
export const ecsServiceCost: CostFunction = (ctx) => {
  const fargate =
    str(ctx, "launch_type") === "FARGATE" ||
    blocks(ctx, "capacity_provider_strategy").some((s) =>
      String(prop(ctx, "capacity_provider", s)).startsWith("FARGATE"),
    );
  if (!fargate) return { components: [] };
  const ref = ctx.node.properties.task_definition;
  const task = ref instanceof Ref ? ctx.lookup(ref.address)?.properties : undefined;
  const tasks = usageNumber(ctx, "desired_count") ?? num(ctx, "desired_count") ?? 0;
  return { components: fargateLines(ctx, task, tasks) };
};
