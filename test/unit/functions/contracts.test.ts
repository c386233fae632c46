import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { test } from "node:test";
import { Ajv2020 } from "ajv/dist/2020.js";
import { WORKFLOWS_DIR } from "../../../functions/local.ts";
import { listWorkflows, loadWorkflow } from "../../../src/runtime/workflow-definition.ts";

const dir = new URL("../../../schemas/handlers/", import.meta.url);

test("every handler the workflows call has a schema: an implemented one, or a contract for the issue that lands it", () => {
  const implemented = new Set(
    readdirSync(dir)
      .filter((f) => f.endsWith(".schema.json"))
      .map((f) => f.replace(".schema.json", "")),
  );
  const contracts = new Set(
    readdirSync(new URL("contracts/", dir)).map((f) => f.replace(".schema.json", "")),
  );
  for (const workflow of listWorkflows(WORKFLOWS_DIR)) {
    for (const binding of loadWorkflow(WORKFLOWS_DIR, workflow).tasks.values()) {
      if (binding.kind === "put-events") continue;
      assert.ok(
        implemented.has(binding.handler) || contracts.has(binding.handler),
        `${workflow}: ${binding.handler}`,
      );
    }
  }
  for (const name of contracts)
    assert.ok(!implemented.has(name), `${name} is both implemented and a contract`);
});

test("the contracts are strict, valid JSON Schemas with an input and an output", () => {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  ajv.addSchema(JSON.parse(readFileSync(new URL("common.schema.json", dir), "utf8")));
  for (const file of readdirSync(new URL("contracts/", dir))) {
    const schema = JSON.parse(readFileSync(new URL(`contracts/${file}`, dir), "utf8"));
    assert.ok(schema.$defs.input && schema.$defs.output, file);
    ajv.compile(schema);
  }
});
