import assert from "node:assert/strict";
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { parse as hclToJson } from "@cdktf/hcl2json";
import { ProviderSchemas } from "../../../src/catalog/provider-schemas.ts";
import {
  generateTerraform,
  generateTerraformJson,
} from "../../../src/codegen/terraform/generate-terraform.ts";
import { readInfrastructure } from "../../../src/ingest/read-infrastructure.ts";
import type { ResourceGraph } from "../../../src/model/graph.ts";
import { encodeValue } from "../../../src/model/value.ts";
import { fixture, writeTree } from "../../helpers/ingest.ts";

/** What a configuration means, without where it was written: the comparison of the two syntaxes. */
function meaning(graph: ResourceGraph | undefined) {
  return {
    nodes: graph?.nodes.map((n) => ({
      address: n.address,
      properties: encodeValue(n.properties),
      dependsOn: n.dependsOn,
      region: n.region,
      sensitive: n.sensitive,
    })),
    outputs: graph?.outputs.map((o) => ({ name: o.name, value: encodeValue(o.value) })),
    // Declaration order differs when a converter sorts keys; the set of variables must not.
    variables: [...(graph?.variables ?? [])].sort((a, b) => a.name.localeCompare(b.name)),
  };
}

describe("a configuration in .tf and the same in .tf.json read alike", () => {
  test("the basic fixture (modules, count, for_each, dynamic, templatefile), converted by hcl2json", async () => {
    // hcl2json is HashiCorp's HCL library compiled to WebAssembly: an independent writer of the JSON form.
    const source = fixture("terraform/basic");
    const copy = writeTree({});
    cpSync(source, copy, { recursive: true });
    for (const dir of [copy, join(copy, "modules/net"), join(copy, "modules/subnet")]) {
      for (const name of readdirSync(dir).filter((n) => n.endsWith(".tf"))) {
        const path = join(dir, name);
        writeFileSync(
          `${path}.json`,
          JSON.stringify(await hclToJson(path, readFileSync(path, "utf8")), null, 2),
        );
        rmSync(path);
      }
    }
    assert.ok(readdirSync(copy).includes("main.tf.json") && !readdirSync(copy).includes("main.tf"));
    const hcl = readInfrastructure(source, {});
    const json = readInfrastructure(copy, {});
    assert.equal(hcl.graphs[0]?.nodes.length, 15);
    assert.deepEqual(meaning(json.graphs[0]), meaning(hcl.graphs[0]));
    assert.deepEqual(json.warnings, hcl.warnings);
  });

  for (const example of ["shop", "gcp-notes", "azure-inventory"]) {
    test(`plinth's own generated Terraform for examples/${example}: the HCL and the JSON target`, () => {
      const schemas = new ProviderSchemas();
      const spec = new URL(`../../../examples/${example}/plinth.yaml`, import.meta.url).pathname;
      const graph = readInfrastructure(spec, { env: "prod" }).graphs[0];
      assert.ok(graph);
      const hclDir = writeTree(Object.fromEntries(generateTerraform(graph, schemas, "generated")));
      const jsonDir = writeTree(Object.fromEntries(generateTerraformJson(graph, schemas)));
      const hcl = readInfrastructure(hclDir, {});
      const json = readInfrastructure(jsonDir, {});
      assert.ok((hcl.graphs[0]?.nodes.length ?? 0) > 20);
      assert.deepEqual(meaning(json.graphs[0]), meaning(hcl.graphs[0]));
      assert.deepEqual(json.warnings, []);
    });
  }
});
