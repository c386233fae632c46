import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { FilePriceCache } from "../../../src/cost/prices/cache/file-cache.ts";

const record = { price: 0.096, unit: "Hrs", asOf: "2026-11-27", source: "AWS Price List API (AmazonEC2)" };

test("the file cache keeps prices until they expire and survives a corrupt file", async () => {
  const dir = mkdtempSync(join(tmpdir(), "plinth-cache-"));
  const path = join(dir, "nested", "prices.json");
  let now = 1_000;
  const cache = new FilePriceCache(path, () => now);
  assert.equal((await cache.getMany(["a"])).size, 0, "no file yet");
  await cache.putMany(new Map([["a", record]]), 2_000);
  assert.deepEqual((await cache.getMany(["a", "b"])).get("a"), record);
  assert.deepEqual(readdirSync(join(dir, "nested")), ["prices.json"], "no temporary file left behind");
  now = 2_000;
  assert.equal((await cache.getMany(["a"])).size, 0, "expired");
  await cache.putMany(new Map([["b", record]]), 5_000);
  assert.deepEqual(
    Object.keys(JSON.parse(readFileSync(path, "utf8"))),
    ["b"],
    "expired entries are dropped on write",
  );

  writeFileSync(path, "{ not json");
  assert.equal((await cache.getMany(["b"])).size, 0);
  await cache.putMany(new Map([["c", record]]), 5_000);
  assert.ok(existsSync(path));
  assert.equal((await cache.getMany(["c"])).size, 1);
  assert.equal(
    (await cache.getMany(["__proto__", "constructor"])).size,
    0,
    "inherited names are not entries",
  );
});
