import type { ValueObject } from "../../../model/value.ts";
import {
  blocks,
  type ComponentSpec,
  type CostContext,
  type CostFunction,
  HOURS_PER_MONTH,
  lookupTable,
  monthly,
  num,
  str,
  unknownPrice,
  usageNumber,
} from "../../cost-components.ts";

/**
 * Sustained use discounts: each quarter of the month's hours is billed at a share of the list price
 * (N1: 100/80/60/40 %, N2 and N2D: 100/86.78/73.3/60 %); E2, C3 and newer families get none.
 */
const SUSTAINED_USE: Record<string, number[]> = lookupTable({
  n1: [1, 0.8, 0.6, 0.4],
  n2: [1, 0.8678, 0.733, 0.6],
  n2d: [1, 0.8678, 0.733, 0.6],
});
const QUARTERS = ["first 25%", "25–50%", "50–75%", "75–100%"];

/**
 * Hours of `count` VMs of a machine type, in one line per sustained-use quarter where the family has
 * sustained use discounts; preemptible and Spot VMs are not priced (their prices move).
 */
export function machineLines(
  ctx: CostContext,
  machineType: string | undefined,
  count: number,
  label = "Instance usage",
): ComponentSpec[] {
  if (!machineType) return [unknownPrice(label, "hours", "machine_type is only known after apply")];
  const price = { service: "ComputeEngine", key: machineType };
  const hours = (usageNumber(ctx, "monthly_hrs") ?? HOURS_PER_MONTH) * count;
  const factors = SUSTAINED_USE[machineType.split("-")[0] ?? ""];
  if (!factors || hours / count < HOURS_PER_MONTH) {
    return [
      {
        name: `${label} (on-demand, ${machineType})`,
        unit: "hours",
        price,
        monthlyQuantity: hours,
        usageBased: false,
      },
    ];
  }
  return factors.map((factor, i) => ({
    name: `${label} (on-demand, ${machineType}, sustained use ${QUARTERS[i]} of the month at ${Math.round(factor * 10000) / 100}%)`,
    unit: "hours",
    price,
    priceFactor: factor,
    monthlyQuantity: hours / 4,
    usageBased: false,
  }));
}

/** A persistent disk's GB-months by type (`pd-standard` by default), zonal or regional. */
export function diskLine(
  name: string,
  type: string,
  sizeGb: number,
  count = 1,
  regional = false,
): ComponentSpec {
  return monthly(
    `${name} (${type}${regional ? ", regional" : ""})`,
    "GB",
    { service: "ComputeEngine-Disk", key: `${type}${regional ? "-regional" : ""}` },
    sizeGb * count,
  );
}

/** The boot disk of a VM: `initialize_params` size (default 10 GB, the size of public images) and type. */
export function bootDisk(ctx: CostContext, disk: ValueObject | undefined, count = 1): ComponentSpec {
  const params = disk ? blocks(ctx, "initialize_params", disk)[0] : undefined;
  const size = params ? num(ctx, "size", params) : undefined;
  const line = diskLine(
    "Boot disk",
    (params && str(ctx, "type", params)) ?? "pd-standard",
    size ?? 10,
    count,
  );
  if (size === undefined) line.note = "size not set: the public image's 10 GB assumed";
  return line;
}

/**
 * google_compute_instance: machine hours with sustained use discounts, the boot disk, local SSDs and
 * GPUs. Attached disks are priced on their google_compute_disk.
 */
export const computeInstanceCost: CostFunction = (ctx) => {
  const scheduling = blocks(ctx, "scheduling")[0];
  const spot = scheduling && (scheduling.preemptible === true || scheduling.provisioning_model === "SPOT");
  const components = spot
    ? [
        unknownPrice(
          "Instance usage (Spot/preemptible)",
          "hours",
          "Spot prices change; plinth prices on-demand only",
        ),
      ]
    : machineLines(ctx, str(ctx, "machine_type"), 1);
  components.push(bootDisk(ctx, blocks(ctx, "boot_disk")[0]));
  const scratch = blocks(ctx, "scratch_disk").length;
  if (scratch > 0)
    components.push(
      monthly("Local SSD", "GB", { service: "ComputeEngine-Disk", key: "local-ssd" }, scratch * 375),
    );
  for (const gpu of blocks(ctx, "guest_accelerator")) {
    const type = str(ctx, "type", gpu) ?? "gpu";
    components.push({
      name: `GPU (${type})`,
      unit: "hours",
      price: { service: "ComputeEngine", key: `gpu/${type}` },
      monthlyQuantity: HOURS_PER_MONTH * (num(ctx, "count", gpu) ?? 1),
      usageBased: false,
    });
  }
  return { components };
};
