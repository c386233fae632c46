import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";
import { promisify } from "node:util";

const bin = new URL("../../bin/plinth.js", import.meta.url).pathname;
const hook = new URL("../helpers/record-module-loads.ts", import.meta.url).pathname;
const shop = new URL("../../examples/shop/plinth.yaml", import.meta.url).pathname;

/** Runs the real binary and returns its output and the modules it loaded (paths under the repo). */
async function modulesLoadedBy(args: string[], cwd: string) {
  const log = join(cwd, "modules.log");
  writeFileSync(log, "");
  const { stdout } = await promisify(execFile)(process.execPath, ["--import", hook, bin, ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: "1", PLINTH_TEST_MODULE_LOG: log },
  });
  const root = new URL("../../", import.meta.url).href;
  const modules = readFileSync(log, "utf8")
    .split("\n")
    .filter((url) => url.startsWith(root))
    .map((url) => url.slice(root.length));
  return { stdout, modules };
}

function nativeSpec(properties: string): string {
  return [
    "apiVersion: plinth/v1",
    "app: startup",
    "cloud: aws",
    "region: us-east-1",
    "components:",
    "  a:",
    "    type: native",
    "    resource: plinth_null",
    `    properties: ${properties}`,
    "  b:",
    "    type: native",
    "    resource: plinth_null",
    "    properties: { after: '${a.id}' }",
    "",
  ].join("\n");
}

const matching = (modules: string[], pattern: RegExp) => modules.filter((m) => pattern.test(m));

// Start-up time is mostly module loading: these pin down what a command loads only when it needs it.
describe("modules a command loads", () => {
  test("plan of native resources loads no YAML package, no component lowering, no AWS SDK", async () => {
    const dir = mkdtempSync(join(tmpdir(), "plinth-startup-"));
    writeFileSync(join(dir, "plinth.yaml"), nativeSpec("{ index: 1 }"));
    const { stdout, modules } = await modulesLoadedBy(["plan"], dir);
    assert.match(stdout, /Plan: 2 to add, 0 to change, 0 to destroy\./);
    assert.ok(modules.includes("src/engine/plan.ts"), "the hook records the binary's modules");
    assert.deepEqual(matching(modules, /node_modules\/yaml\//), []);
    assert.deepEqual(matching(modules, /src\/model\/lower\/(aws|gcp|azure)\//), []);
    assert.deepEqual(matching(modules, /node_modules\/@aws-sdk\/|src\/(policy|cost|codegen)\//), []);
  });

  test("YAML the fast reader leaves (anchors) loads the YAML package and plans the same", async () => {
    const dir = mkdtempSync(join(tmpdir(), "plinth-startup-"));
    writeFileSync(join(dir, "plinth.yaml"), nativeSpec("&props { index: 1 }"));
    const { stdout, modules } = await modulesLoadedBy(["plan"], dir);
    assert.match(stdout, /\+ index = 1/);
    assert.match(stdout, /Plan: 2 to add, 0 to change, 0 to destroy\./);
    assert.ok(matching(modules, /node_modules\/yaml\//).length > 0);
  });

  test("validate of an AWS spec loads AWS's lowerings and not GCP's or Azure's", async () => {
    const dir = mkdtempSync(join(tmpdir(), "plinth-startup-"));
    const { stdout, modules } = await modulesLoadedBy(["validate", "-f", shop], dir);
    assert.match(stdout, /is valid: app shop/);
    assert.ok(matching(modules, /src\/model\/lower\/aws\//).length > 0);
    assert.deepEqual(matching(modules, /src\/model\/lower\/(gcp|azure)\//), []);
  });
});
