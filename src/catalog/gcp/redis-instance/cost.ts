import { type CostFunction, hourly, num, str } from "../../cost-components.ts";

/** Memorystore capacity tiers by provisioned GB: M1 up to 4, M2 to 10, M3 to 35, M4 to 100, M5 above. */
function capacityTier(gb: number): string {
  if (gb <= 4) return "M1";
  if (gb <= 10) return "M2";
  if (gb <= 35) return "M3";
  if (gb <= 100) return "M4";
  return "M5";
}

/** google_redis_instance: GB-hours of `memory_size_gb` at the price of its tier (BASIC or STANDARD_HA). */
export const redisInstanceCost: CostFunction = (ctx) => {
  const tier = str(ctx, "tier") ?? "BASIC";
  const gb = num(ctx, "memory_size_gb") ?? 1;
  const capacity = capacityTier(gb);
  return {
    components: [
      {
        ...hourly(
          `Redis capacity (${tier.toLowerCase()}, ${capacity})`,
          { service: "Memorystore", key: `${tier}/${capacity}` },
          gb,
        ),
        unit: "GB-hours",
      },
    ],
  };
};
