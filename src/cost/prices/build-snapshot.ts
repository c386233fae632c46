import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Cloud } from "../../model/graph.ts";
import { priceKeyId } from "./price.ts";
import type { PriceSnapshotFile } from "./snapshot.ts";

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
 * The key a price is looked up by. RDS instance prices also differ by engine and deployment, which the
 * reference keeps in attributes: `postgres/Multi-AZ/db.t3.micro`.
 */
function keyOf(record: ReferenceRecord): string {
  if (record.service === "AmazonRDS") {
    const { engine, deploymentOption } = record.attributes ?? {};
    return `${String(engine)}/${String(deploymentOption)}/${record.sku_or_key}`;
  }
  return record.sku_or_key;
}

const CLOUD_OF_FILE: Record<string, Cloud> = { "aws.json": "aws", "gcp.json": "gcp", "azure.json": "azure" };

/**
 * Folds the reference records into the snapshot's compact form: one entry per price key with price,
 * unit, as-of date and an index into the list of sources. Files named `<cloud>*.json` are read in name
 * order (so `aws-supplement.json` follows `aws.json`); a later record for the same key is an error, not a
 * silent override.
 */
export function buildSnapshot(referenceDir: string): PriceSnapshotFile {
  const sourcesText = readFileSync(join(referenceDir, "SOURCES.md"), "utf8");
  const gathered = /Gathered (\d{4}-\d{2}-\d{2})/.exec(sourcesText)?.[1];
  if (!gathered) throw new Error(`${referenceDir}/SOURCES.md does not say when the data was gathered`);
  const sources: string[] = [];
  const sourceIndex = new Map<string, number>();
  const prices: PriceSnapshotFile["prices"] = {};
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
      const id = priceKeyId({ cloud, service: record.service, region, key: keyOf(record) });
      if (id in prices) throw new Error(`${file}: ${id} appears twice`);
      let index = sourceIndex.get(record.source);
      if (index === undefined) {
        index = sources.length;
        sources.push(record.source);
        sourceIndex.set(record.source, index);
      }
      prices[id] = [record.price_usd, record.unit, record.as_of, index];
    }
  }
  const sorted: PriceSnapshotFile["prices"] = {};
  for (const id of Object.keys(prices).sort()) sorted[id] = prices[id] as [number, string, string, number];
  return { asOf: gathered, sources, prices: sorted };
}
