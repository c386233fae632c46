import { type CostFunction, str, usage, usageNumber } from "../../cost-components.ts";

/**
 * aws_cloudwatch_log_group: ingestion (by log class), archived storage and Logs Insights scans, all from
 * usage (`monthly_data_ingested_gb`, `storage_gb`, `monthly_data_scanned_gb`).
 */
export const cloudwatchLogGroupCost: CostFunction = (ctx) => {
  const infrequent = str(ctx, "log_group_class") === "INFREQUENT_ACCESS";
  return {
    components: [
      usage(
        `Data ingested (${infrequent ? "infrequent access" : "standard"})`,
        "GB",
        {
          service: "AmazonCloudWatch-Logs",
          key: infrequent ? "logs-ingestion-infrequent-access" : "logs-ingestion-standard",
        },
        usageNumber(ctx, "monthly_data_ingested_gb", "monthly_gb_data_ingestion"),
      ),
      usage(
        "Archival storage",
        "GB",
        { service: "AmazonCloudWatch-Logs", key: "logs-storage" },
        usageNumber(ctx, "storage_gb", "monthly_gb_data_storage"),
      ),
      usage(
        "Insights queries data scanned",
        "GB",
        { service: "AmazonCloudWatch-Logs", key: "logs-insights-query" },
        usageNumber(ctx, "monthly_data_scanned_gb", "monthly_gb_data_scanned"),
      ),
    ],
  };
};
