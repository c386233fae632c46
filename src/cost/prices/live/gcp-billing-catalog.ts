import { lookupTable } from "../../../catalog/cost-components.ts";
import { type PriceKey, type PriceRecord, type PriceSource, priceKeyId } from "../price.ts";
import { PriceSourceError } from "../price-source-error.ts";
import { type Fetch, getJson, type Sleep } from "./http.ts";

/** Compute Engine's service in the Cloud Billing Catalog. */
export const COMPUTE_SKUS_URL = "https://cloudbilling.googleapis.com/v1/services/6F81-5844-456A/skus";
const MAX_PAGES = 50;

export interface CatalogSku {
  description?: string;
  category?: { usageType?: string };
  serviceRegions?: string[];
  pricingInfo?: Array<{
    effectiveTime?: string;
    pricingExpression?: {
      usageUnit?: string;
      tieredRates?: Array<{ startUsageAmount?: number; unitPrice?: { units?: string; nanos?: number } }>;
    };
  }>;
}

/** A SKU's first-tier on-demand unit price (units + nanos) in USD. */
export function skuPrice(sku: CatalogSku): number | undefined {
  const rates = sku.pricingInfo?.[0]?.pricingExpression?.tieredRates ?? [];
  const rate = rates.find((r) => (r.startUsageAmount ?? 0) === 0) ?? rates[0];
  if (!rate?.unitPrice) return undefined;
  return Number(rate.unitPrice.units ?? 0) + (rate.unitPrice.nanos ?? 0) / 1e9;
}

const DISK_SKUS: Record<string, string> = lookupTable({
  "pd-standard": "Storage PD Capacity",
  "pd-balanced": "Balanced PD Capacity",
  "pd-ssd": "SSD backed PD Capacity",
});
const FAMILY_PREFIX: Record<string, string> = lookupTable({
  e2: "E2 Instance",
  n2: "N2 Instance",
  n2d: "N2D AMD Instance",
});
const MEMORY_PER_VCPU: Record<string, number> = lookupTable({ standard: 4, highmem: 8, highcpu: 1 });

/**
 * Live Google Cloud list prices from the Cloud Billing Catalog API (an API key): Compute Engine's SKUs
 * are read once per run and matched by description and region. Persistent disks and predefined E2, N2
 * and N2D machine types (vCPU SKU × vCPUs + RAM SKU × GB) are priced; others stay with the snapshot.
 */
export class GcpBillingCatalog implements PriceSource {
  readonly name = "Cloud Billing Catalog API";
  readonly asOf: string;
  readonly #apiKey: string;
  readonly #fetch: Fetch;
  readonly #sleep: Sleep;
  readonly #baseUrl: string;

  constructor(
    apiKey: string,
    options: { fetch?: Fetch; sleep?: Sleep; baseUrl?: string; now?: () => number } = {},
  ) {
    this.#apiKey = apiKey;
    this.#fetch = options.fetch ?? fetch;
    this.#sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.#baseUrl = options.baseUrl ?? COMPUTE_SKUS_URL;
    this.asOf = new Date((options.now ?? Date.now)()).toISOString().slice(0, 10);
  }

  async resolve(keys: ReadonlyArray<PriceKey>): Promise<Map<string, PriceRecord>> {
    const wanted = keys.filter(
      (k) => k.cloud === "gcp" && (k.service === "ComputeEngine" || k.service === "ComputeEngine-Disk"),
    );
    const found = new Map<string, PriceRecord>();
    if (wanted.length === 0) return found;
    const skus = await this.#skus();
    const onDemand = (description: string, region: string) => {
      const sku = skus.find(
        (s) =>
          s.category?.usageType === "OnDemand" &&
          s.description?.startsWith(description) &&
          s.serviceRegions?.includes(region),
      );
      return sku ? skuPrice(sku) : undefined;
    };
    for (const key of wanted) {
      let price: number | undefined;
      let unit = "Hrs";
      if (key.service === "ComputeEngine-Disk" && DISK_SKUS[key.key]) {
        price = onDemand(DISK_SKUS[key.key] as string, key.region);
        unit = "GB-Mo";
      } else {
        const [family, kind, size] = key.key.split("-");
        const prefix = FAMILY_PREFIX[family ?? ""];
        const memory = MEMORY_PER_VCPU[kind ?? ""];
        const vcpus = Number(size);
        if (prefix && memory && Number.isInteger(vcpus)) {
          const core = onDemand(`${prefix} Core running in`, key.region);
          const ram = onDemand(`${prefix} Ram running in`, key.region);
          if (core !== undefined && ram !== undefined) price = core * vcpus + ram * vcpus * memory;
        }
      }
      if (price !== undefined)
        found.set(priceKeyId(key), { price, unit, asOf: this.asOf, source: this.name });
    }
    return found;
  }

  async #skus(): Promise<CatalogSku[]> {
    const skus: CatalogSku[] = [];
    let token = "";
    for (let page = 0; page < MAX_PAGES; page++) {
      const url = `${this.#baseUrl}?key=${encodeURIComponent(this.#apiKey)}&pageSize=5000&currencyCode=USD${token ? `&pageToken=${encodeURIComponent(token)}` : ""}`;
      const body = (await getJson(this.name, url, this.#fetch, this.#sleep)) as {
        skus?: CatalogSku[];
        nextPageToken?: string;
      };
      if (!Array.isArray(body.skus)) throw new PriceSourceError(`${this.name} answered without skus.`);
      skus.push(...body.skus);
      token = body.nextPageToken ?? "";
      if (!token) break;
    }
    return skus;
  }
}
