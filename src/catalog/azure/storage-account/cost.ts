import {
  type ComponentSpec,
  type CostFunction,
  scaleUsage,
  str,
  usage,
  usageNumber,
} from "../../cost-components.ts";

/** Replication as the price list names it (`RAGRS` → `RA-GRS`). */
function replicationOf(value: string): string {
  return value === "RAGRS" ? "RA-GRS" : value === "RAGZRS" ? "RA-GZRS" : value;
}

/**
 * azurerm_storage_account (blob storage, general purpose v2): capacity by access tier (Hot by default)
 * and replication, and operations per 10,000, all from usage (`storage_gb`, `monthly_write_operations`,
 * `monthly_read_operations`, `monthly_list_and_create_container_operations`, `monthly_other_operations`,
 * `monthly_data_retrieval_gb`).
 */
export const storageAccountCost: CostFunction = (ctx) => {
  const tier = str(ctx, "access_tier") ?? "Hot";
  const replication = replicationOf(str(ctx, "account_replication_type") ?? "LRS");
  const sku = `${tier}_${replication}`;
  const per10k = (key: string) => {
    const n = usageNumber(ctx, key);
    return scaleUsage(n, 1, 10_000);
  };
  const meter = (name: string) => ({ service: "BlobStorage", key: `${sku}:${name}` });
  const components: ComponentSpec[] = [
    usage(
      `Capacity (${tier}, ${replication})`,
      "GB",
      meter(`${tier} ${replication} Data Stored`),
      usageNumber(ctx, "storage_gb"),
    ),
    usage(
      "Write operations",
      "10K operations",
      meter(`${tier} ${replication} Write Operations`),
      per10k("monthly_write_operations"),
    ),
    usage(
      "Read operations",
      "10K operations",
      meter(`${tier} Read Operations`),
      per10k("monthly_read_operations"),
    ),
    usage(
      "List and create container operations",
      "10K operations",
      meter(`${replication} List and Create Container Operations`),
      per10k("monthly_list_and_create_container_operations"),
    ),
    usage(
      "All other operations",
      "10K operations",
      meter("All Other Operations"),
      per10k("monthly_other_operations"),
    ),
  ];
  if (tier !== "Hot")
    components.push(
      usage(
        "Data retrieval",
        "GB",
        meter(`${tier} Data Retrieval`),
        usageNumber(ctx, "monthly_data_retrieval_gb"),
      ),
    );
  return { components };
};
