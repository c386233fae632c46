import { type PriceKey, type PriceRecord, type PriceSource, priceKeyId } from "../price.ts";
import { PriceSourceError } from "../price-source-error.ts";
import { type Fetch, getJson, type Sleep } from "./http.ts";
import { mapLimit } from "./map-limit.ts";

export const AZURE_RETAIL_PRICES_URL = "https://prices.azure.com/api/retail/prices";
/** Pages followed per query; a query that selects one product never needs more. */
const MAX_PAGES = 10;

interface RetailItem {
  armSkuName?: string;
  armRegionName?: string;
  retailPrice?: number;
  unitOfMeasure?: string;
  productName?: string;
  skuName?: string;
  meterName?: string;
  type?: string;
  effectiveStartDate?: string;
}

/** A value inside an OData string literal: single quotes doubled, so no key can change the filter. */
export function odataString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** The API filters already; items are checked again so a wider answer never prices the wrong product. */
function consumptionIn(item: RetailItem, region: string): boolean {
  return item.type === "Consumption" && item.armRegionName === region;
}

/** The `$filter` and the item test that select a snapshot price key's product, where plinth knows one. */
export function azureQuery(
  key: PriceKey,
): { filter: string; accept: (item: RetailItem) => boolean } | undefined {
  const region = `armRegionName eq ${odataString(key.region)} and priceType eq 'Consumption'`;
  if (key.service === "VirtualMachines" && !key.key.includes("/")) {
    return {
      filter: `serviceName eq 'Virtual Machines' and armSkuName eq ${odataString(key.key)} and ${region}`,
      accept: (i) =>
        consumptionIn(i, key.region) &&
        i.armSkuName === key.key &&
        !/Windows/.test(i.productName ?? "") &&
        !/Spot|Low Priority/.test(i.skuName ?? "") &&
        i.unitOfMeasure === "1 Hour",
    };
  }
  const disk = /^([PES]\d+)_(LRS|ZRS)$/.exec(key.key);
  if (key.service === "ManagedDisks" && disk) {
    const sku = `${disk[1]} ${disk[2]}`;
    return {
      filter: `serviceName eq 'Storage' and skuName eq ${odataString(sku)} and ${region}`,
      accept: (i) => consumptionIn(i, key.region) && i.meterName === `${sku} Disk`,
    };
  }
  return undefined;
}

/**
 * Live Azure list prices from the public Retail Prices API (no credentials): an OData `$filter` per
 * price, following NextPageLink on the same host only.
 */
export class AzureRetailPrices implements PriceSource {
  readonly name = "Azure Retail Prices API";
  readonly asOf: string;
  readonly #fetch: Fetch;
  readonly #sleep: Sleep;
  readonly #baseUrl: string;

  constructor(options: { fetch?: Fetch; sleep?: Sleep; baseUrl?: string; now?: () => number } = {}) {
    this.#fetch = options.fetch ?? fetch;
    this.#sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.#baseUrl = options.baseUrl ?? AZURE_RETAIL_PRICES_URL;
    this.asOf = new Date((options.now ?? Date.now)()).toISOString().slice(0, 10);
  }

  async resolve(keys: ReadonlyArray<PriceKey>): Promise<Map<string, PriceRecord>> {
    const found = new Map<string, PriceRecord>();
    const queries = keys
      .filter((k) => k.cloud === "azure")
      .flatMap((key) => {
        const query = azureQuery(key);
        return query ? [{ key, query }] : [];
      });
    await mapLimit(queries, 4, async ({ key, query }) => {
      let url: string | null = `${this.#baseUrl}?$filter=${encodeURIComponent(query.filter)}`;
      for (let page = 0; url && page < MAX_PAGES; page++) {
        const body = (await getJson(this.name, url, this.#fetch, this.#sleep)) as {
          Items?: RetailItem[];
          NextPageLink?: string | null;
        };
        if (!Array.isArray(body.Items)) throw new PriceSourceError(`${this.name} answered without Items.`);
        const item = body.Items.find((i) => typeof i.retailPrice === "number" && query.accept(i));
        if (item) {
          found.set(priceKeyId(key), {
            price: item.retailPrice as number,
            unit: item.unitOfMeasure ?? "",
            asOf: item.effectiveStartDate?.slice(0, 10) ?? this.asOf,
            source: this.name,
          });
          return;
        }
        url = body.NextPageLink?.startsWith(this.#baseUrl) ? body.NextPageLink : null;
      }
    });
    return found;
  }
}
