import { type CostFunction, hourly, num, str } from "../../cost-components.ts";

/**
 * azurerm_redis_cache: the cache size (`family` + `capacity`, e.g. C1, P2) at its SKU's hourly price
 * (Standard and Premium include a replica); Premium clusters multiply by `shard_count`.
 */
export const redisCacheCost: CostFunction = (ctx) => {
  const sku = str(ctx, "sku_name") ?? "Basic";
  const size = `${str(ctx, "family") ?? "C"}${num(ctx, "capacity") ?? 0}`;
  const shards = sku === "Premium" ? Math.max(1, num(ctx, "shard_count") ?? 1) : 1;
  return {
    components: [
      hourly(
        `Cache (${sku}, ${size}${shards > 1 ? `, ${shards} shards` : ""})`,
        { service: "RedisCache", key: `${sku}/${size}` },
        shards,
      ),
    ],
  };
};
