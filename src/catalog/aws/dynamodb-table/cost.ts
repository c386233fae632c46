import {
  blocks,
  bool,
  type ComponentSpec,
  type CostContext,
  type CostFunction,
  hourly,
  num,
  type SubresourceSpec,
  scaleUsage,
  str,
  usage,
  usageNumber,
} from "../../cost-components.ts";

/**
 * aws_dynamodb_table: provisioned capacity by the hour (billing_mode defaults to PROVISIONED), or
 * on-demand request units from usage; storage, PITR and on-demand backups from usage; each global
 * table replica bills replicated writes in its region (priced as write units, as AWS has since
 * November 2024).
 */
export const dynamodbTableCost: CostFunction = (ctx) => {
  const onDemand = str(ctx, "billing_mode") === "PAY_PER_REQUEST";
  const ia = str(ctx, "table_class") === "STANDARD_INFREQUENT_ACCESS" ? "-ia" : "";
  const components: ComponentSpec[] = [
    ...writeLines(ctx, onDemand, ia, undefined),
    ...(onDemand
      ? [
          usage(
            "Read request units",
            "1M RRUs",
            { service: "AmazonDynamoDB", key: `on-demand-read-request-unit${ia}` },
            millions(usageNumber(ctx, "monthly_read_request_units")),
            1e6,
          ),
        ]
      : [
          hourly(
            "Read capacity units",
            { service: "AmazonDynamoDB", key: `provisioned-rcu${ia}` },
            num(ctx, "read_capacity") ?? 0,
          ),
        ]),
    usage(
      "Data storage",
      "GB",
      { service: "AmazonDynamoDB", key: `storage${ia}` },
      usageNumber(ctx, "storage_gb", "monthly_gb_data_storage"),
    ),
  ];
  if (bool(ctx, "point_in_time_recovery.enabled")) {
    components.push(
      usage(
        "Point-in-time recovery backups",
        "GB",
        { service: "AmazonDynamoDB", key: "pitr-backup-storage" },
        usageNumber(ctx, "pitr_backup_storage_gb", "monthly_gb_continuous_backup_storage"),
      ),
    );
  }
  components.push(
    usage(
      "On-demand backups",
      "GB",
      { service: "AmazonDynamoDB", key: "on-demand-backup-storage" },
      usageNumber(ctx, "on_demand_backup_storage_gb", "monthly_gb_on_demand_backup_storage"),
    ),
  );
  const subresources: SubresourceSpec[] = blocks(ctx, "replica").map((replica) => {
    const region = str(ctx, "region_name", replica) ?? ctx.region;
    return { name: `replica (${region})`, components: writeLines(ctx, onDemand, ia, region) };
  });
  return { components, subresources };
};

function writeLines(
  ctx: CostContext,
  onDemand: boolean,
  ia: string,
  replicaRegion: string | undefined,
): ComponentSpec[] {
  const prefix = replicaRegion ? "Replicated write" : "Write";
  if (onDemand) {
    return [
      usage(
        `${prefix} request units`,
        "1M WRUs",
        {
          service: "AmazonDynamoDB",
          key: `on-demand-write-request-unit${ia}`,
          ...(replicaRegion ? { region: replicaRegion } : {}),
        },
        millions(usageNumber(ctx, "monthly_write_request_units")),
        1e6,
      ),
    ];
  }
  return [
    hourly(
      `${prefix} capacity units`,
      {
        service: "AmazonDynamoDB",
        key: `provisioned-wcu${ia}`,
        ...(replicaRegion ? { region: replicaRegion } : {}),
      },
      num(ctx, "write_capacity") ?? 0,
    ),
  ];
}

function millions(value: number | undefined): number | undefined {
  return scaleUsage(value, 1, 1e6);
}
