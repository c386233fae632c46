// docs/ingest.md lists every CloudFormation type plinth reads, with the Terraform type it becomes.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { CLOUDFORMATION_MAPPINGS } from "../../../src/ingest/cloudformation/types/index.ts";

const doc = readFileSync(new URL("../../../docs/ingest.md", import.meta.url), "utf8");

test("docs/ingest.md has a row for every mapped CloudFormation type, naming its Terraform type", () => {
  const rows = new Map(
    [...doc.matchAll(/^\| `([A-Za-z0-9:]+)` +\| (.+?) +\|$/gm)].map((m) => [m[1], m[2] ?? ""] as const),
  );
  const wrong = [...CLOUDFORMATION_MAPPINGS.values()]
    .filter((m) => !rows.get(m.cloudFormationType)?.includes(`\`${m.main.terraformType}\``))
    .map((m) => m.cloudFormationType);
  assert.deepEqual(wrong, []);
  assert.ok(rows.size >= CLOUDFORMATION_MAPPINGS.size);
});
