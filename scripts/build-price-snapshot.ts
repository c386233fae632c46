/**
 * `npm run build:prices`: rebuilds the bundled price snapshot (data/pricing/snapshot.json) from the
 * reference records committed in data/pricing/reference/ (provenance in its SOURCES.md). Each price keeps
 * its unit, `as_of` date and source; the snapshot is dated by the day its reference data was gathered.
 * A test fails when the committed snapshot is stale.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { buildSnapshot } from "../src/cost/prices/build-snapshot.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const snapshot = buildSnapshot(`${root}/data/pricing/reference`);
writeFileSync(`${root}/data/pricing/snapshot.json`, `${JSON.stringify(snapshot)}\n`);
console.log(
  `wrote data/pricing/snapshot.json: ${Object.keys(snapshot.prices).length} prices as of ${snapshot.asOf}`,
);
