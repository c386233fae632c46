import type {
  ComponentSpec,
  CostBreakdown,
  CostContext,
  CostRegistry,
  SubresourceSpec,
} from "../catalog/cost-components.ts";
import { COST_REGISTRIES } from "../catalog/cost-registries.ts";
import { isNonCloudType } from "../catalog/non-cloud-types.ts";
import type { Cloud, ResourceGraph, ResourceNode } from "../model/graph.ts";
import { referencesIn } from "../model/value.ts";
import { roundMoney, roundPrice } from "./money.ts";
import { type PriceKey, type PriceRecord, type PriceSource, priceKeyId } from "./prices/price.ts";
import { SnapshotPrices } from "./prices/snapshot.ts";
import type {
  CostComponent,
  CostReport,
  NamedResource,
  ResourceCost,
  SubresourceCost,
  UnpricedResource,
} from "./report.ts";
import { NO_USAGE, type UsageSet } from "./usage.ts";

export interface EstimateOptions {
  /** Default: the bundled snapshot (offline). */
  prices?: PriceSource;
  /** Cost modules per cloud; default src/catalog/<cloud>/cost.ts. */
  registries?: Readonly<Record<Cloud, CostRegistry>>;
  usage?: UsageSet;
}

interface Planned {
  node: ResourceNode;
  cloud: Cloud;
  region: string;
  breakdown: CostBreakdown;
}

/**
 * The monthly cost of the resources of one or more graphs, in USD at list prices: each resource's
 * lines (quantity × unit price), usage-based lines from `usage` or marked as depending on it, free
 * types (the registry's, and those no cloud charges for: `isNonCloudType`) listed as free, and types
 * without a cost module listed as not priced. Prices are resolved in one batch from `prices`; a missing
 * price is said on its line, never counted as zero.
 */
export async function estimateCost(
  graphs: ReadonlyArray<ResourceGraph>,
  options: EstimateOptions = {},
): Promise<CostReport> {
  const usage = options.usage ?? NO_USAGE;
  const prices = options.prices ?? SnapshotPrices.load();
  const registries = options.registries ?? COST_REGISTRIES;
  const planned: Planned[] = [];
  const free: NamedResource[] = [];
  const unpriced: UnpricedResource[] = [];
  const keys = new Map<string, PriceKey>();

  for (const graph of graphs) {
    const registry = registries[graph.cloud];
    const byAddress = new Map(graph.nodes.map((n) => [n.address, n]));
    const lookup = (address: string) => byAddress.get(address);
    let referrerIndex: Map<string, ResourceNode[]> | undefined;
    const referrers = (address: string) => {
      referrerIndex ??= indexReferrers(graph);
      return referrerIndex.get(address) ?? [];
    };
    for (const node of graph.nodes) {
      const costOf = Object.hasOwn(registry.priced, node.type) ? registry.priced[node.type] : undefined;
      if (!costOf) {
        if (registry.free.has(node.type) || isNonCloudType(node.type))
          free.push({ address: node.address, type: node.type });
        else
          unpriced.push({
            address: node.address,
            type: node.type,
            reason: `plinth has no cost model for ${node.type} yet`,
          });
        continue;
      }
      const region =
        registry.regionOf?.(node, lookup) ?? node.region ?? (graph.region || registry.defaultRegion);
      const ctx: CostContext = {
        node,
        region,
        usage: usage.forResource(node.address, node.type),
        lookup,
        referrers,
      };
      const breakdown = costOf(ctx);
      forEachLine(breakdown, (line) => {
        if ("service" in line.price) {
          const key: PriceKey = {
            cloud: graph.cloud,
            service: line.price.service,
            region: line.price.region ?? region,
            key: line.price.key,
          };
          keys.set(priceKeyId(key), key);
        }
      });
      planned.push({ node, cloud: graph.cloud, region, breakdown });
    }
  }

  const found = await prices.resolve([...keys.values()]);
  const totals = { baseline: 0, usage: 0, missing: 0, usageUnknown: 0 };
  const price = (cloud: Cloud, region: string, spec: ComponentSpec): CostComponent => {
    const out = priceLine(cloud, region, spec, found, prices.asOf);
    if (out.monthlyCost !== null) {
      if (spec.usageBased) totals.usage += out.monthlyCost;
      else totals.baseline += out.monthlyCost;
    } else if (out.unitPrice === null) totals.missing++;
    else totals.usageUnknown++;
    return out;
  };

  const resources: ResourceCost[] = planned.map(({ node, cloud, region, breakdown }) => {
    const components = breakdown.components.map((c) => price(cloud, region, c));
    const subresources = (breakdown.subresources ?? []).map((s) =>
      priceSubresource(s, (c) => price(cloud, region, c)),
    );
    return {
      address: node.address,
      type: node.type,
      region,
      monthlyCost: roundMoney(sumCosts(components) + subresources.reduce((sum, s) => sum + s.monthlyCost, 0)),
      components,
      subresources,
    };
  });

  return {
    currency: "USD",
    asOf: prices.asOf,
    prices: prices.name,
    totalMonthlyCost: roundMoney(totals.baseline + totals.usage),
    baselineMonthlyCost: roundMoney(totals.baseline),
    usageMonthlyCost: roundMoney(totals.usage),
    resources,
    free,
    unpriced,
    missingPrices: totals.missing,
    usageUnknown: totals.usageUnknown,
  };
}

function priceSubresource(
  spec: SubresourceSpec,
  price: (c: ComponentSpec) => CostComponent,
): SubresourceCost {
  const components = spec.components.map(price);
  const subresources = (spec.subresources ?? []).map((s) => priceSubresource(s, price));
  return {
    name: spec.name,
    monthlyCost: roundMoney(sumCosts(components) + subresources.reduce((sum, s) => sum + s.monthlyCost, 0)),
    components,
    subresources,
  };
}

function priceLine(
  cloud: Cloud,
  region: string,
  spec: ComponentSpec,
  found: ReadonlyMap<string, PriceRecord>,
  asOf: string,
): CostComponent {
  const line = (unitPrice: number | null, monthlyCost: number | null, note?: string): CostComponent => ({
    name: spec.name,
    unit: spec.unit,
    monthlyQuantity: spec.monthlyQuantity,
    unitPrice,
    monthlyCost,
    usageBased: spec.usageBased,
    ...(note ? { note } : {}),
  });
  if (!("service" in spec.price)) return line(null, null, `not priced: ${spec.price.unknown}`);
  const key: PriceKey = {
    cloud,
    service: spec.price.service,
    region: spec.price.region ?? region,
    key: spec.price.key,
  };
  const record = found.get(priceKeyId(key));
  if (!record)
    return line(
      null,
      null,
      `no list price for ${key.service} ${key.key} in ${key.region} (prices of ${asOf})`,
    );
  const unitPrice = record.price * (spec.unitScale ?? 1) * (spec.priceFactor ?? 1);
  const cost = spec.monthlyQuantity === null ? null : roundMoney(spec.monthlyQuantity * unitPrice);
  return line(roundPrice(unitPrice), cost, spec.note);
}

/** Who refers to whom, built on the first question (most graphs never ask). */
function indexReferrers(graph: ResourceGraph): Map<string, ResourceNode[]> {
  const index = new Map<string, ResourceNode[]>();
  for (const node of graph.nodes) {
    for (const address of new Set(referencesIn(node.properties).map((r) => r.address))) {
      const list = index.get(address);
      if (list) list.push(node);
      else index.set(address, [node]);
    }
  }
  return index;
}

function sumCosts(components: ReadonlyArray<CostComponent>): number {
  let sum = 0;
  for (const c of components) if (c.monthlyCost !== null) sum += c.monthlyCost;
  return sum;
}

function forEachLine(breakdown: CostBreakdown | SubresourceSpec, visit: (line: ComponentSpec) => void): void {
  breakdown.components.forEach(visit);
  for (const sub of breakdown.subresources ?? []) forEachLine(sub, visit);
}
