import assert from "node:assert/strict";
import { test } from "node:test";
import { renderPlan } from "../../../src/cli/render-plan.ts";
import { styleFor } from "../../../src/cli/style.ts";
import { createPlan } from "../../../src/engine/plan.ts";
import { Ref, VarRef } from "../../../src/model/value.ts";
import { loadWorkingState } from "../../../src/state/working-state.ts";
import { graphWith, nullNode, planAndApply, registry, tempStore } from "../../helpers/engine.ts";

const plain = styleFor({ stdout() {}, stderr() {}, env: {}, cwd: "/", isTTY: false }, true);

test("a plan reads like terraform plan: ~ update, -/+ replace with the forcing attribute, - destroy, secrets hidden", async () => {
  const { store } = tempStore();
  const variables = { token: "s3cr3t-one" };
  const before = graphWith([
    nullNode("kept", { size: 1, label: "a" }),
    nullNode("swapped", { triggers_replace: "v1", token: new VarRef("token") }, { sensitive: [["token"]] }),
    nullNode("dropped", { note: "bye" }),
    nullNode("user", { on: new Ref("plinth_null.swapped", ["id"]) }),
  ]);
  await planAndApply(before, store, registry(), { variables });
  const after = graphWith([
    nullNode("kept", { size: 2, label: "a" }),
    nullNode("swapped", { triggers_replace: "v2", token: new VarRef("token") }, { sensitive: [["token"]] }),
    nullNode("user", { on: new Ref("plinth_null.swapped", ["id"]) }),
  ]);
  const plan = await createPlan({
    graph: after,
    working: await loadWorkingState(store, { app: "demo", env: "dev" }),
    handlers: registry(),
    variables: { token: "s3cr3t-two" },
  });
  const text = renderPlan(plan, plain);
  assert.match(
    text,
    / {2}# plinth_null\.kept will be updated in place\n {2}~ resource "plinth_null" "kept" \{\n {6}~ size = 1 -> 2\n {8}# \(1 unchanged attribute hidden\)\n {4}\}/,
  );
  assert.match(text, /# plinth_null\.swapped must be replaced\n-\/\+ resource "plinth_null" "swapped" \{\n/);
  assert.match(text, /~ token\s+= \(sensitive value\) -> \(sensitive value\)\n/);
  assert.match(text, /~ triggers_replace = "v1" -> "v2" # forces replacement/);
  assert.match(
    text,
    /# plinth_null\.user will be updated in place\n.*\n {6}~ on = "[0-9a-f]{16}" -> \(known after apply\)/,
  );
  assert.match(
    text,
    /# plinth_null\.dropped will be destroyed\n {2}- resource "plinth_null" "dropped" \{\n {6}- note = "bye"/,
  );
  assert.match(text, /Plan: 1 to add, 2 to change, 2 to destroy\.\n$/);
  assert.doesNotMatch(text, /s3cr3t/);
  assert.ok(!text.includes("\u001b["), "no colours when disabled");
});
