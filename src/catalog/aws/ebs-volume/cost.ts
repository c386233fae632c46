import {
  type ComponentSpec,
  type CostContext,
  type CostFunction,
  monthly,
  num,
  scaleUsage,
  str,
  type Tier,
  tiered,
  unknownPrice,
  usage,
  usageNumber,
} from "../../cost-components.ts";

export interface EbsVolume {
  type: string;
  sizeGb: number | undefined;
  iops?: number | undefined;
  /** MiB/s, gp3 only. */
  throughput?: number | undefined;
}

/** gp3 includes 3,000 IOPS and 125 MiB/s; more is charged per IOPS-month and per MiB/s-month. */
const GP3_BASELINE = { iops: 3000, throughput: 125 };
/** io2 IOPS are priced in tiers: up to 32,000, 32,001–64,000, above 64,000. */
const IO2_TIERS: Tier[] = [
  { label: "first 32,000 IOPS", price: { service: "AmazonEBS", key: "io2-iops-tier1" }, size: 32000 },
  { label: "next 32,000 IOPS", price: { service: "AmazonEBS", key: "io2-iops-tier2" }, size: 32000 },
  { label: "over 64,000 IOPS", price: { service: "AmazonEBS", key: "io2-iops-tier3" }, size: Infinity },
];

/**
 * The lines of an EBS volume (standalone, an instance's block device, a launch template's mapping):
 * GB-months at the volume type's price, plus provisioned IOPS and throughput where the type charges
 * them. `count` multiplies for groups of instances.
 */
export function ebsLines(ctx: CostContext, volume: EbsVolume, count = 1): ComponentSpec[] {
  const type = volume.type;
  const lines: ComponentSpec[] = [];
  if (volume.sizeGb === undefined) {
    lines.push(unknownPrice(`Storage (${type})`, "GB", "the volume's size is only known after apply"));
  } else {
    lines.push(
      monthly(`Storage (${type})`, "GB", { service: "AmazonEBS", key: type }, volume.sizeGb * count),
    );
  }
  if (type === "gp3") {
    const extraIops = Math.max(0, (volume.iops ?? GP3_BASELINE.iops) - GP3_BASELINE.iops);
    if (extraIops > 0)
      lines.push(
        monthly(
          "Provisioned IOPS (above 3,000)",
          "IOPS",
          { service: "AmazonEBS", key: "gp3-iops" },
          extraIops * count,
        ),
      );
    const extraThroughput = Math.max(
      0,
      (volume.throughput ?? GP3_BASELINE.throughput) - GP3_BASELINE.throughput,
    );
    if (extraThroughput > 0)
      lines.push({
        // The price list charges per GiB/s-month; one MiB/s is 1/1024 of it.
        ...monthly(
          "Provisioned throughput (above 125 MiB/s)",
          "MiBps",
          { service: "AmazonEBS", key: "gp3-throughput" },
          extraThroughput * count,
        ),
        unitScale: 1 / 1024,
      });
  } else if (type === "io1") {
    lines.push(
      monthly(
        "Provisioned IOPS",
        "IOPS",
        { service: "AmazonEBS", key: "io1-iops" },
        (volume.iops ?? 0) * count,
      ),
    );
  } else if (type === "io2") {
    const perVolume = tiered("Provisioned IOPS", "IOPS", volume.iops ?? 0, IO2_TIERS, { usageBased: false });
    for (const line of perVolume)
      lines.push({ ...line, monthlyQuantity: (line.monthlyQuantity ?? 0) * count });
  } else if (type === "standard") {
    const requests = usageNumber(ctx, "monthly_standard_io_requests");
    lines.push(
      usage(
        "I/O requests",
        "1M requests",
        { service: "AmazonEBS", key: "standard-io-requests" },
        scaleUsage(requests, 1, 1e6),
        1e6,
      ),
    );
  }
  return lines;
}

/** aws_ebs_volume: type defaults to gp2 (the EC2 API's default). */
export const ebsVolumeCost: CostFunction = (ctx) => ({
  components: ebsLines(ctx, {
    type: str(ctx, "type") ?? "gp2",
    sizeGb: num(ctx, "size"),
    iops: num(ctx, "iops"),
    throughput: num(ctx, "throughput"),
  }),
});
