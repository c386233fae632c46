import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { test } from "node:test";
import { WORKFLOWS_DIR } from "../../../functions/local.ts";
import { listWorkflows, loadWorkflow } from "../../../src/runtime/workflow-definition.ts";

const dir = new URL("../../../schemas/handlers/", import.meta.url);

/** Every handler a workflow calls, by name. */
const called = new Set(
  listWorkflows(WORKFLOWS_DIR).flatMap((workflow) =>
    [...loadWorkflow(WORKFLOWS_DIR, workflow).tasks.values()].flatMap((b) =>
      b.kind === "put-events" ? [] : [b.handler],
    ),
  ),
);

test("every handler the workflows call has its file, its schema and a precompiled input validator", async () => {
  assert.ok(called.size >= 15, [...called].join(", "));
  for (const name of called) {
    assert.ok(existsSync(new URL(`../../../functions/${name}.ts`, import.meta.url)), `functions/${name}.ts`);
    assert.ok(existsSync(new URL(`${name}.schema.json`, dir)), `schemas/handlers/${name}.schema.json`);
    const module = await import(`../../../schemas/generated/handlers/${name}.validate.js`);
    assert.equal(typeof module.Input, "function", name);
  }
});

test("each deploy step's schema defines its output too, and the handler checks what it answers", async () => {
  for (const name of called) {
    const schema = JSON.parse(readFileSync(new URL(`${name}.schema.json`, dir), "utf8"));
    if (!schema.$defs?.output) continue;
    assert.equal(schema.$ref, "#/$defs/input", name);
    const module = await import(`../../../schemas/generated/handlers/${name}.validate.js`);
    assert.equal(typeof module.Output, "function", name);
    const source = readFileSync(new URL(`../../../functions/${name}.ts`, import.meta.url), "utf8");
    assert.match(source, new RegExp(`stepHandler<[^>]+>\\("${name}", contract,`), name);
  }
});
