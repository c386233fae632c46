import {
  type ComponentSpec,
  type CostContext,
  type CostFunction,
  lookupTable,
  monthly,
  num,
  scaleUsage,
  str,
  usage,
  usageNumber,
} from "../../cost-components.ts";

/** Disk sizes (GiB) and the tier number that covers them; a disk is billed at the smallest tier it fits. */
const TIERS: Array<[number, number]> = [
  [4, 1],
  [8, 2],
  [16, 3],
  [32, 4],
  [64, 6],
  [128, 10],
  [256, 15],
  [512, 20],
  [1024, 30],
  [2048, 40],
  [4096, 50],
  [8192, 60],
  [16384, 70],
  [32767, 80],
];
const LETTER: Record<string, string> = lookupTable({ Premium: "P", StandardSSD: "E", Standard: "S" });

/** The billed tier of a disk: `P10` for a 100 GiB Premium SSD; Standard HDD starts at S4. */
export function diskTier(storageType: string, sizeGb: number): string | undefined {
  const [kind] = storageType.split("_") as [string];
  const letter = LETTER[kind];
  if (!letter) return undefined;
  const found = TIERS.find(([size]) => sizeGb <= size);
  if (!found) return undefined;
  return `${letter}${letter === "S" ? Math.max(4, found[1]) : found[1]}`;
}

/**
 * A managed disk's lines: the tier's monthly price (Premium SSD, Standard SSD or Standard HDD; LRS or
 * ZRS), and for Standard tiers the disk operations from usage (`monthly_disk_operations`).
 */
export function managedDiskLines(
  ctx: CostContext,
  storageType: string,
  sizeGb: number,
  count = 1,
  label = "Disk",
): ComponentSpec[] {
  const redundancy = storageType.endsWith("_ZRS") ? "ZRS" : "LRS";
  const tier = diskTier(storageType, sizeGb);
  if (!tier) {
    return [
      monthly(
        `${label} (${storageType}, ${sizeGb} GB)`,
        "disks",
        { service: "ManagedDisks", key: `${storageType}/${sizeGb}` },
        count,
      ),
    ];
  }
  const lines = [
    monthly(
      `${label} (${tier} ${redundancy}, ${sizeGb} GB)`,
      "disks",
      { service: "ManagedDisks", key: `${tier}_${redundancy}` },
      count,
    ),
  ];
  if (!tier.startsWith("P")) {
    const operations = usageNumber(ctx, "monthly_disk_operations");
    lines.push(
      usage(
        "Disk operations",
        "10K operations",
        { service: "ManagedDisks", key: `${tier}_${redundancy}_operations` },
        scaleUsage(operations, count, 10_000),
      ),
    );
  }
  return lines;
}

/** azurerm_managed_disk: `disk_size_gb` of `storage_account_type`, billed at its tier. */
export const managedDiskCost: CostFunction = (ctx) => ({
  components: managedDiskLines(
    ctx,
    str(ctx, "storage_account_type") ?? "Standard_LRS",
    num(ctx, "disk_size_gb") ?? 32,
  ),
});
