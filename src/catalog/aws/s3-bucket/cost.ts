import {
  type ComponentSpec,
  type CostContext,
  type CostFunction,
  scaleUsage,
  type Tier,
  tiered,
  usage,
  usageGroup,
  usageNumber,
} from "../../cost-components.ts";

const STANDARD_TIERS: Tier[] = [
  { label: "first 50 TB", price: { service: "AmazonS3", key: "standard-storage-first-50TB" }, size: 51_200 },
  { label: "next 450 TB", price: { service: "AmazonS3", key: "standard-storage-next-450TB" }, size: 460_800 },
  {
    label: "over 500 TB",
    price: { service: "AmazonS3", key: "standard-storage-over-500TB" },
    size: Infinity,
  },
];

/** Storage classes besides Standard, by usage key, with their price keys. */
const CLASSES: Array<{
  usageKey: string;
  label: string;
  storage: string;
  tier1: string;
  tier2: string;
  retrieval?: string;
}> = [
  {
    usageKey: "standard_infrequent_access",
    label: "Standard-IA",
    storage: "standard-ia-storage",
    tier1: "standard-ia-put-copy-post-list",
    tier2: "standard-ia-get-other",
    retrieval: "standard-ia-retrieval",
  },
  {
    usageKey: "one_zone_infrequent_access",
    label: "One Zone-IA",
    storage: "onezone-ia-storage",
    tier1: "onezone-ia-put-copy-post-list",
    tier2: "onezone-ia-get-other",
    retrieval: "onezone-ia-retrieval",
  },
  {
    usageKey: "glacier_instant_retrieval",
    label: "Glacier Instant Retrieval",
    storage: "glacier-ir-storage",
    tier1: "glacier-ir-put-copy-post-list",
    tier2: "glacier-ir-get-other",
    retrieval: "glacier-ir-retrieval",
  },
  {
    usageKey: "glacier_flexible_retrieval",
    label: "Glacier Flexible Retrieval",
    storage: "glacier-flexible-storage",
    tier1: "glacier-flexible-put",
    tier2: "glacier-flexible-get-other",
    retrieval: "glacier-flexible-standard-retrieval",
  },
];

function requests(ctx: CostContext, label: string, tier1: string, tier2: string): ComponentSpec[] {
  const thousands = (key: string) => {
    const n = usageNumber(ctx, key);
    return scaleUsage(n, 1, 1000);
  };
  return [
    usage(
      `PUT, COPY, POST, LIST requests (${label})`,
      "1k requests",
      { service: "AmazonS3", key: tier1 },
      thousands("monthly_tier_1_requests"),
      1000,
    ),
    usage(
      `GET, SELECT and other requests (${label})`,
      "1k requests",
      { service: "AmazonS3", key: tier2 },
      thousands("monthly_tier_2_requests"),
      1000,
    ),
  ];
}

/**
 * aws_s3_bucket: everything is usage. Standard storage in tiers and its requests are always shown; other
 * storage classes when usage names them (`standard_infrequent_access: {storage_gb, …}`), as in
 * Infracost's usage files.
 */
export const s3BucketCost: CostFunction = (ctx) => {
  const standard = usageGroup(ctx, "standard");
  const components: ComponentSpec[] = [
    ...tiered("Storage (Standard)", "GB", usageNumber(standard, "storage_gb"), STANDARD_TIERS),
    ...requests(standard, "Standard", "standard-put-copy-post-list", "standard-get-other"),
  ];
  for (const storageClass of CLASSES) {
    if (ctx.usage[storageClass.usageKey] === undefined) continue;
    const group = usageGroup(ctx, storageClass.usageKey);
    components.push(
      usage(
        `Storage (${storageClass.label})`,
        "GB",
        { service: "AmazonS3", key: storageClass.storage },
        usageNumber(group, "storage_gb"),
      ),
    );
    components.push(...requests(group, storageClass.label, storageClass.tier1, storageClass.tier2));
    if (storageClass.retrieval) {
      components.push(
        usage(
          `Data retrieval (${storageClass.label})`,
          "GB",
          { service: "AmazonS3", key: storageClass.retrieval },
          usageNumber(group, "monthly_retrieval_gb", "monthly_standard_data_retrieval_gb"),
        ),
      );
    }
  }
  return { components };
};
