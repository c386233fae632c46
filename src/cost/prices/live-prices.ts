import { homedir } from "node:os";
import { join } from "node:path";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { PricingClient } from "@aws-sdk/client-pricing";
import { CachedPrices } from "./cache/cached-prices.ts";
import { DynamoDbPriceCache } from "./cache/dynamodb-cache.ts";
import { FilePriceCache } from "./cache/file-cache.ts";
import { LayeredPrices } from "./layered-prices.ts";
import { AwsPriceList } from "./live/aws-price-list.ts";
import { AzureRetailPrices } from "./live/azure-retail-prices.ts";
import { GcpBillingCatalog } from "./live/gcp-billing-catalog.ts";
import type { PriceSource } from "./price.ts";
import type { SnapshotPrices } from "./snapshot.ts";

/**
 * `--prices live`: the AWS Price List API (the SDK's credential chain; the Price List endpoint is in
 * us-east-1), the Azure Retail Prices API (public), the Cloud Billing Catalog when
 * `PLINTH_GCP_PRICING_API_KEY` is set, cached for a day in `PLINTH_PRICE_CACHE_TABLE` (DynamoDB) or
 * a local file, and the bundled snapshot for whatever they do not price. The CLI passes its environment.
 */
export function livePriceSource(
  env: Readonly<Record<string, string | undefined>>,
  snapshot: SnapshotPrices,
): PriceSource {
  const live: PriceSource[] = [
    new AwsPriceList(
      new PricingClient({
        region: "us-east-1",
        maxAttempts: 4,
        ...(env.PLINTH_PRICING_ENDPOINT ? { endpoint: env.PLINTH_PRICING_ENDPOINT } : {}),
      }),
    ),
    new AzureRetailPrices(),
  ];
  if (env.PLINTH_GCP_PRICING_API_KEY) live.push(new GcpBillingCatalog(env.PLINTH_GCP_PRICING_API_KEY));
  const cache = env.PLINTH_PRICE_CACHE_TABLE
    ? new DynamoDbPriceCache(new DynamoDBClient({}), env.PLINTH_PRICE_CACHE_TABLE)
    : new FilePriceCache(
        join(env.XDG_CACHE_HOME ?? join(env.HOME ?? homedir(), ".cache"), "plinth", "prices.json"),
      );
  const cached = live.map((source) => new CachedPrices(source, cache));
  return new LayeredPrices([...cached, snapshot], new Date().toISOString().slice(0, 10));
}
