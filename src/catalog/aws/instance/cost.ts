import type { ValueObject } from "../../../model/value.ts";
import {
  blocks,
  bool,
  type ComponentSpec,
  type CostContext,
  type CostFunction,
  HOURS_PER_MONTH,
  lookupTable,
  num,
  type SubresourceSpec,
  scaleUsage,
  str,
  unknownPrice,
  usage,
  usageNumber,
} from "../../cost-components.ts";
import { ebsLines } from "../ebs-volume/cost.ts";

/** Burstable families and their default credit mode (T2 standard; T3, T3a and T4g unlimited). */
const BURSTABLE: Record<string, "standard" | "unlimited"> = lookupTable({
  t2: "standard",
  t3: "unlimited",
  t3a: "unlimited",
  t4g: "unlimited",
});

/** vCPUs of burstable sizes, for CPU credit usage given per vCPU. */
const BURSTABLE_VCPUS: Record<string, number> = lookupTable({
  nano: 2,
  micro: 2,
  small: 2,
  medium: 2,
  large: 2,
  xlarge: 4,
  "2xlarge": 8,
});

export interface InstanceOptions {
  instanceType: string | undefined;
  count: number;
  tenancy?: string | undefined;
  creditMode?: string | undefined;
  /** `Instance usage` for an instance, `Instances` for groups. */
  label?: string;
}

/**
 * An EC2 instance's compute lines: on-demand hours at the instance type's Linux price (the usage key
 * `operating_system` selects windows, rhel or suse), and for burstable types in unlimited mode the CPU
 * credits spent above baseline, from usage (`monthly_cpu_credit_hrs` per vCPU).
 */
export function instanceLines(ctx: CostContext, options: InstanceOptions): ComponentSpec[] {
  const { instanceType, count } = options;
  const label = options.label ?? "Instance usage";
  if (!instanceType)
    return [unknownPrice(`${label} (on-demand)`, "hours", "instance_type is only known after apply")];
  const os = (
    typeof ctx.usage.operating_system === "string" ? ctx.usage.operating_system : "linux"
  ).toLowerCase();
  const tenancy = options.tenancy && options.tenancy !== "default" ? options.tenancy : undefined;
  const key = [instanceType, os === "linux" ? undefined : os, tenancy].filter(Boolean).join("/");
  const hours = usageNumber(ctx, "monthly_hrs") ?? HOURS_PER_MONTH;
  const lines: ComponentSpec[] = [
    {
      name: `${label} (${os === "linux" ? "Linux" : os}, on-demand${tenancy ? `, ${tenancy}` : ""}, ${instanceType})`,
      unit: "hours",
      price: { service: "AmazonEC2", key },
      monthlyQuantity: hours * count,
      usageBased: false,
    },
  ];
  const [family, size] = instanceType.split(".") as [string, string | undefined];
  const defaultMode = BURSTABLE[family];
  if (defaultMode && (options.creditMode ?? defaultMode) === "unlimited") {
    const creditHours = usageNumber(ctx, "monthly_cpu_credit_hrs");
    const vcpus = usageNumber(ctx, "vcpu_count") ?? BURSTABLE_VCPUS[size ?? ""] ?? 2;
    lines.push(
      usage(
        "CPU credits (unlimited mode)",
        "vCPU-hours",
        { service: "AmazonEC2", key: `cpu-credits-${family}` },
        scaleUsage(creditHours, vcpus * count),
      ),
    );
  }
  return lines;
}

/**
 * Block devices of an instance: the root volume (when absent, the AMI's usual 8 GB gp2 is assumed and
 * said) and each EBS block device.
 */
export function blockDeviceSubresources(
  ctx: CostContext,
  root: ValueObject | undefined,
  ebs: ValueObject[],
  count: number,
): SubresourceSpec[] {
  const rootLines = ebsLines(
    ctx,
    {
      type: (root && str(ctx, "volume_type", root)) || "gp2",
      sizeGb: (root && num(ctx, "volume_size", root)) ?? 8,
      iops: root && num(ctx, "iops", root),
      throughput: root && num(ctx, "throughput", root),
    },
    count,
  );
  if (!root || num(ctx, "volume_size", root) === undefined) {
    for (const line of rootLines)
      line.note = "size and type not set: the AMI's usual 8 GB gp2 root volume assumed";
  }
  return [
    { name: "root_block_device", components: rootLines },
    ...ebs.map((device, index) => ({
      name: `ebs_block_device[${index}]${str(ctx, "device_name", device) ? ` (${str(ctx, "device_name", device)})` : ""}`,
      components: ebsLines(
        ctx,
        {
          type: str(ctx, "volume_type", device) ?? "gp2",
          sizeGb: num(ctx, "volume_size", device),
          iops: num(ctx, "iops", device),
          throughput: num(ctx, "throughput", device),
        },
        count,
      ),
    })),
  ];
}

/** aws_instance: compute hours, CPU credits for burstable types, root and EBS block devices. */
export const instanceCost: CostFunction = (ctx) => {
  const spot = str(ctx, "instance_market_options.market_type") === "spot";
  const components = spot
    ? [
        unknownPrice(
          "Instance usage (spot)",
          "hours",
          "spot prices change hourly; plinth prices on-demand only",
        ),
      ]
    : instanceLines(ctx, {
        instanceType: str(ctx, "instance_type"),
        count: 1,
        tenancy: str(ctx, "tenancy") ?? (bool(ctx, "host_id") ? "host" : undefined),
        creditMode: str(ctx, "credit_specification.cpu_credits"),
      });
  return {
    components,
    subresources: blockDeviceSubresources(
      ctx,
      blocks(ctx, "root_block_device")[0],
      blocks(ctx, "ebs_block_device"),
      1,
    ),
  };
};
