import { GetProductsCommand, type PricingClient } from "@aws-sdk/client-pricing";
import { lookupTable } from "../../../catalog/cost-components.ts";
import { type PriceKey, type PriceRecord, type PriceSource, priceKeyId } from "../price.ts";
import { PriceSourceError } from "../price-source-error.ts";
import { mapLimit } from "./map-limit.ts";

/** A GetProducts query: the service code and TERM_MATCH filters that select one product. */
export interface AwsProductQuery {
  serviceCode: string;
  filters: Record<string, string>;
}

const RDS_ENGINES: Record<string, string> = lookupTable({
  postgres: "PostgreSQL",
  mysql: "MySQL",
  mariadb: "MariaDB",
});
const CACHE_ENGINES: Record<string, string> = lookupTable({
  redis: "Redis",
  memcached: "Memcached",
  valkey: "Valkey",
});

/**
 * The Price List query for a snapshot price key, for the products whose attributes name them exactly
 * (EC2 Linux instances, EBS volume storage, RDS and ElastiCache instances); others stay with the
 * snapshot.
 */
export function awsProductQuery(key: PriceKey): AwsProductQuery | undefined {
  const regionCode = key.region;
  if (key.service === "AmazonEC2" && /^[a-z0-9-]+\.[a-z0-9-]+$/.test(key.key)) {
    return {
      serviceCode: "AmazonEC2",
      filters: {
        regionCode,
        instanceType: key.key,
        operatingSystem: "Linux",
        tenancy: "Shared",
        preInstalledSw: "NA",
        capacitystatus: "Used",
        licenseModel: "No License required",
      },
    };
  }
  if (
    key.service === "AmazonEBS" &&
    ["gp2", "gp3", "io1", "io2", "st1", "sc1", "standard"].includes(key.key)
  ) {
    return {
      serviceCode: "AmazonEC2",
      filters: { regionCode, productFamily: "Storage", volumeApiName: key.key },
    };
  }
  if (key.service === "AmazonRDS") {
    const [engine, deploymentOption, instanceType] = key.key.split("/");
    const databaseEngine = RDS_ENGINES[engine ?? ""];
    if (databaseEngine && deploymentOption && instanceType) {
      return {
        serviceCode: "AmazonRDS",
        filters: { regionCode, databaseEngine, deploymentOption, instanceType },
      };
    }
  }
  if (key.service === "AmazonElastiCache") {
    const [engine, instanceType] = key.key.split("/");
    const cacheEngine = CACHE_ENGINES[engine ?? ""];
    if (cacheEngine && instanceType)
      return { serviceCode: "AmazonElastiCache", filters: { regionCode, cacheEngine, instanceType } };
  }
  return undefined;
}

interface PriceListProduct {
  terms?: {
    OnDemand?: Record<
      string,
      {
        priceDimensions?: Record<
          string,
          { unit?: string; beginRange?: string; pricePerUnit?: { USD?: string } }
        >;
      }
    >;
  };
  publicationDate?: string;
}

/** The on-demand USD price of the first tier of a Price List product (a JSON string in PriceList). */
export function onDemandPrice(product: string): { price: number; unit: string; asOf?: string } | undefined {
  const parsed = JSON.parse(product) as PriceListProduct;
  for (const term of Object.values(parsed.terms?.OnDemand ?? {})) {
    for (const dimension of Object.values(term.priceDimensions ?? {})) {
      const price = Number(dimension.pricePerUnit?.USD);
      if (Number.isFinite(price) && (dimension.beginRange ?? "0") === "0") {
        return {
          price,
          unit: dimension.unit ?? "",
          ...(parsed.publicationDate ? { asOf: parsed.publicationDate.slice(0, 10) } : {}),
        };
      }
    }
  }
  return undefined;
}

const CREDENTIAL_ERRORS = new Set([
  "UnrecognizedClientException",
  "InvalidSignatureException",
  "AccessDeniedException",
  "ExpiredTokenException",
  "CredentialsProviderError",
]);

/**
 * Live AWS list prices from the Price List Query API (GetProducts, signed with SigV4 by the SDK's
 * pricing client, which also retries throttling). One query per price, a few at a time.
 */
export class AwsPriceList implements PriceSource {
  readonly name = "AWS Price List API";
  readonly asOf: string;
  readonly #client: PricingClient;

  constructor(client: PricingClient, options: { now?: () => number } = {}) {
    this.#client = client;
    this.asOf = new Date((options.now ?? Date.now)()).toISOString().slice(0, 10);
  }

  async resolve(keys: ReadonlyArray<PriceKey>): Promise<Map<string, PriceRecord>> {
    const queries = keys
      .filter((k) => k.cloud === "aws")
      .flatMap((key) => {
        const query = awsProductQuery(key);
        return query ? [{ key, query }] : [];
      });
    const found = new Map<string, PriceRecord>();
    await mapLimit(queries, 4, async ({ key, query }) => {
      const product = await this.#first(query);
      if (product)
        found.set(priceKeyId(key), {
          ...product,
          asOf: product.asOf ?? this.asOf,
          source: `${this.name} (${query.serviceCode})`,
        });
    });
    return found;
  }

  async #first(query: AwsProductQuery): Promise<{ price: number; unit: string; asOf?: string } | undefined> {
    try {
      const out = await this.#client.send(
        new GetProductsCommand({
          ServiceCode: query.serviceCode,
          FormatVersion: "aws_v1",
          MaxResults: 10,
          Filters: Object.entries(query.filters).map(([Field, Value]) => ({
            Type: "TERM_MATCH",
            Field,
            Value,
          })),
        }),
      );
      for (const product of out.PriceList ?? []) {
        const price = onDemandPrice(String(product));
        if (price) return price;
      }
      return undefined;
    } catch (error) {
      const name = (error as Error).name;
      if (CREDENTIAL_ERRORS.has(name)) {
        throw new PriceSourceError(`AWS rejected the credentials for the Price List API (${name}).`, {
          cause: error,
          hint: "Check AWS_PROFILE or the role (it needs pricing:GetProducts), or use --prices offline.",
        });
      }
      const throttled = name === "ThrottlingException" || name === "TooManyRequestsException";
      throw new PriceSourceError(`The AWS Price List API failed: ${(error as Error).message}`, {
        cause: error,
        retryable: throttled,
      });
    }
  }
}
