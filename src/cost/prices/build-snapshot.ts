import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Cloud } from "../../model/graph.ts";
import { type PriceSnapshotFile, snapshotGroup } from "./snapshot.ts";

/** The record format of data/pricing/reference/*.json (see its SOURCES.md). */
interface ReferenceRecord {
  service: string;
  sku_or_key: string;
  region: string;
  unit: string;
  price_usd: number;
  source: string;
  as_of: string;
  attributes?: Record<string, unknown>;
}

/**
 * The key a price is looked up by. RDS instance prices also differ by engine and deployment (or Aurora's
 * I/O-Optimized configuration), which the reference keeps in attributes: `postgres/Multi-AZ/db.t3.micro`.
 * RDS prices that are not an instance's (Aurora storage, capacity units) are keyed by `sku_or_key` alone.
 */
function keyOf(record: ReferenceRecord): string {
  const { engine, deploymentOption } = record.attributes ?? {};
  if (record.service === "AmazonRDS" && typeof engine === "string" && typeof deploymentOption === "string") {
    return `${engine}/${deploymentOption}/${record.sku_or_key}`;
  }
  return record.sku_or_key;
}

const CLOUD_OF_FILE: Record<string, Cloud> = { "aws.json": "aws", "gcp.json": "gcp", "azure.json": "azure" };

/** Interns strings into a list, so the snapshot stores each unit, date and source once. */
class StringTable {
  readonly values: string[] = [];
  readonly #index = new Map<string, number>();

  indexOf(value: string): number {
    let index = this.#index.get(value);
    if (index === undefined) {
      index = this.values.length;
      this.values.push(value);
      this.#index.set(value, index);
    }
    return index;
  }
}

/**
 * Folds the reference records into the snapshot's compact form: prices grouped by cloud, service and
 * region, each with its unit, as-of date and source as indexes into shared lists. Files named
 * `<cloud>*.json` are read in name order (so `aws-supplement.json` follows `aws.json`); a later record
 * for the same key is an error, not a silent override.
 */
export function buildSnapshot(referenceDir: string): PriceSnapshotFile {
  const sourcesText = readFileSync(join(referenceDir, "SOURCES.md"), "utf8");
  const gathered = /Gathered (\d{4}-\d{2}-\d{2})/.exec(sourcesText)?.[1];
  if (!gathered) throw new Error(`${referenceDir}/SOURCES.md does not say when the data was gathered`);
  const sources = new StringTable();
  const units = new StringTable();
  const dates = new StringTable();
  const grouped = new Map<string, Map<string, [number, number, number, number]>>();
  const files = readdirSync(referenceDir)
    .filter((f) => f.endsWith(".json"))
    .sort();
  for (const file of files) {
    const cloud = CLOUD_OF_FILE[file] ?? CLOUD_OF_FILE[`${file.split("-")[0]}.json`];
    if (!cloud) throw new Error(`${file}: cannot tell its cloud from the name`);
    const records = JSON.parse(readFileSync(join(referenceDir, file), "utf8")) as ReferenceRecord[];
    for (const record of records) {
      if (
        typeof record.price_usd !== "number" ||
        !Number.isFinite(record.price_usd) ||
        record.price_usd < 0
      ) {
        throw new Error(`${file}: ${record.service} ${record.sku_or_key} has no valid price`);
      }
      const region = record.region.startsWith("global") ? "global" : record.region;
      const group = snapshotGroup({ cloud, service: record.service, region });
      const key = keyOf(record);
      let products = grouped.get(group);
      if (!products) {
        products = new Map();
        grouped.set(group, products);
      }
      if (products.has(key)) throw new Error(`${file}: ${group}|${key} appears twice`);
      products.set(key, [
        record.price_usd,
        units.indexOf(record.unit),
        dates.indexOf(record.as_of),
        sources.indexOf(record.source),
      ]);
    }
  }
  const prices: PriceSnapshotFile["prices"] = {};
  for (const [group, products] of [...grouped].sort(([a], [b]) => (a < b ? -1 : 1))) {
    prices[group] = Object.fromEntries([...products].sort(([a], [b]) => (a < b ? -1 : 1)));
  }
  return { asOf: gathered, sources: sources.values, units: units.values, dates: dates.values, prices };
}
