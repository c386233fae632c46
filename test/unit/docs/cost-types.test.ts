// docs/cost.md lists every resource type plinth prices, so users can see what an estimate covers.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { COST_REGISTRIES } from "../../../src/catalog/cost-registries.ts";

const doc = readFileSync(new URL("../../../docs/cost.md", import.meta.url), "utf8");

describe("docs/cost.md", () => {
  it("names every priced resource type in its table", () => {
    const missing = Object.values(COST_REGISTRIES)
      .flatMap((registry) => Object.keys(registry.priced))
      .filter((type) => !doc.includes(`\`${type}\``));
    assert.deepEqual(missing, []);
  });
});
