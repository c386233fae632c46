import { type CostFunction, scaleUsage, str, usage, usageNumber } from "../../cost-components.ts";

/**
 * google_storage_bucket: storage by class (STANDARD by default) in the bucket's location, Class A and
 * B operations and retrieval, all from usage (`storage_gb`, `monthly_class_a_operations`,
 * `monthly_class_b_operations`, `monthly_data_retrieval_gb`).
 */
export const storageBucketCost: CostFunction = (ctx) => {
  const storageClass = (str(ctx, "storage_class") ?? "STANDARD").toLowerCase();
  const perThousand = (key: string) => {
    const n = usageNumber(ctx, key);
    return scaleUsage(n, 1, 1000);
  };
  const operations = storageClass === "standard" || storageClass === "regional" ? "standard" : storageClass;
  const components = [
    usage(
      `Storage (${storageClass})`,
      "GB",
      { service: "CloudStorage", key: `${storageClass === "regional" ? "standard" : storageClass}-storage` },
      usageNumber(ctx, "storage_gb"),
    ),
    usage(
      "Class A operations",
      "1k operations",
      { service: "CloudStorage", key: `${operations}-class-a-operations`, region: "global" },
      perThousand("monthly_class_a_operations"),
      1000,
    ),
    usage(
      "Class B operations",
      "1k operations",
      { service: "CloudStorage", key: `${operations}-class-b-operations`, region: "global" },
      perThousand("monthly_class_b_operations"),
      1000,
    ),
  ];
  if (storageClass !== "standard") {
    components.push(
      usage(
        "Data retrieval",
        "GB",
        { service: "CloudStorage", key: `${storageClass}-retrieval` },
        usageNumber(ctx, "monthly_data_retrieval_gb"),
      ),
    );
  }
  return { components };
};
