import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { buildGraph } from "../../../src/model/build-graph.ts";
import type { Cloud } from "../../../src/model/graph.ts";
import { parseSpec } from "../../../src/spec/load-spec.ts";

const specDoc = readFileSync(new URL("../../../docs/spec.md", import.meta.url), "utf8");

/** Every kind of component, so every input any lowering can declare is declared. */
const EVERYTHING = `apiVersion: plinth/v1
app: docs
cloud: aws
environments: { prod: {} }
components:
  net: { type: network, cidr: 10.0.0.0/16, nat: true }
  db: { type: database, engine: postgres, size: medium, network: "\${net}" }
  legacy: { type: database, engine: mysql, size: medium, network: "\${net}" }
  key: { type: secret }
  jobs: { type: queue, deadLetter: true }
  files: { type: bucket, public: true, expireAfterDays: 30 }
  web: { type: vm, network: "\${net}", env: { DB: "\${db.host}", KEY: "\${key.id}" } }
`;

test("docs/spec.md lists every input the lowerings declare, on every cloud", () => {
  const documented = new Set([...specDoc.matchAll(/^\| `([^`]+)` +\|/gm)].map((m) => m[1]));
  for (const cloud of ["aws", "gcp", "azure"] as Cloud[]) {
    const { graph } = buildGraph(parseSpec(EVERYTHING, "plinth.yaml"), { env: "prod", cloud });
    for (const variable of graph.variables) {
      const name = variable.name.endsWith("_admin_password") ? "<database>_admin_password" : variable.name;
      assert.ok(documented.has(name), `${cloud}: input ${variable.name} is in docs/spec.md's Inputs table`);
    }
  }
  assert.ok(documented.has("gcp_project_number") && documented.has("azure_db_admin_object_id"));
});
