import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";
import { promisify } from "node:util";

const bin = new URL("../../bin/plinth.js", import.meta.url).pathname;
const shop = new URL("../../examples/shop/plinth.yaml", import.meta.url).pathname;

async function plinth(args: string[], cwd: string) {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: "1" },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

// The real binary, as a user runs it: every bad input gets one clear sentence with its location on
// stderr, exit 1, no stack trace, and nothing written.
const BAD_INPUTS: Record<string, { spec: string; stderr: RegExp }> = {
  "malformed YAML": {
    spec: "apiVersion: plinth/v1\ncomponents:\n  - a\n   b: c\n",
    stderr: /^error: plinth.yaml:3:5: The YAML is malformed here/,
  },
  "schema violation": {
    spec: "apiVersion: plinth/v1\napp: shop\ncloud: aws\ncomponents:\n  f:\n    type: bucket\n    public: sometimes\n",
    stderr: /^error: plinth.yaml:7:13: `components.f.public` must be true or false/,
  },
  "unknown type": {
    spec: "apiVersion: plinth/v1\napp: shop\ncloud: aws\ncomponents:\n  f:\n    type: lambda\n",
    stderr: /^error: plinth.yaml:6:11: Unknown component type `lambda`/,
  },
  "bad reference": {
    spec: "apiVersion: plinth/v1\napp: shop\ncloud: aws\ncomponents:\n  f:\n    type: bucket\noutputs:\n  x: ${f.arn}\n",
    stderr: /^error: plinth.yaml:8:6: `\$\{f.arn\}`: a bucket component has no attribute `arn`/,
  },
  cycle: {
    spec: "apiVersion: plinth/v1\napp: shop\ncloud: aws\ncomponents:\n  a:\n    type: bucket\n    dependsOn: [b]\n  b:\n    type: bucket\n    dependsOn: [a]\n",
    stderr: /^error: plinth.yaml:5:3: Components depend on each other in a cycle: a → b → a/,
  },
  "duplicate key": {
    spec: "apiVersion: plinth/v1\napp: shop\napp: shop2\ncloud: aws\n",
    stderr: /^error: plinth.yaml:3:1: The key `app` appears twice/,
  },
  "YAML tag": {
    spec: "apiVersion: !Ref x\n",
    stderr: /^error: plinth.yaml:1:13: The YAML tag `!Ref` is not allowed/,
  },
};

describe("the plinth binary on bad input", () => {
  for (const [name, { spec, stderr }] of Object.entries(BAD_INPUTS)) {
    test(name, async () => {
      const dir = mkdtempSync(join(tmpdir(), "plinth-bin-"));
      writeFileSync(join(dir, "plinth.yaml"), spec);
      for (const command of [["validate"], ["graph", "--format", "dot"]]) {
        const result = await plinth(command, dir);
        assert.equal(result.code, 1, `${command[0]}: ${result.stderr}`);
        assert.match(result.stderr, stderr);
        assert.equal(result.stderr.trim().split("\n").length, 1, result.stderr);
        assert.doesNotMatch(result.stderr, /\bat .*\.ts:\d+/);
        assert.equal(result.stdout, "");
      }
      assert.deepEqual(readdirSync(dir), ["plinth.yaml"]);
    });
  }

  test("a directory instead of a file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "plinth-bin-"));
    const result = await plinth(["validate", "-f", "."], dir);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /^error: .* is a directory, not a spec file\. Pass the file itself/);
  });

  test("the example validates and graphs", async () => {
    const validate = await plinth(["validate", "-f", shop, "--json"], tmpdir());
    assert.equal(validate.code, 0, validate.stderr);
    assert.equal(JSON.parse(validate.stdout).valid, true);
    const graph = await plinth(["graph", "-f", shop, "--format", "dot"], tmpdir());
    assert.equal(graph.code, 0, graph.stderr);
    assert.match(graph.stdout, /^digraph/);
  });
});
