import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { policyRulesPage } from "../../../scripts/build-policy-docs.ts";
import { readPolicyConfig } from "../../../src/policy/policy-config.ts";
import { runCli } from "../../helpers/cli.ts";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const read = (path: string) => readFileSync(`${root}${path}`, "utf8");

test("docs/policy-rules.md is generated from the rules (run `npm run build:policy-docs`)", () => {
  assert.ok(read("docs/policy-rules.md") === policyRulesPage(), "docs/policy-rules.md is stale");
});

test("every `plinth policy check` command in the docs runs: exit 0 or 2, never an error", async () => {
  const docs = read("docs/policy.md") + read("docs/cli.md") + read("README.md");
  const commands = [...docs.matchAll(/^npx plinth (policy check [^>#\n]*)/gm)].map((m) =>
    (m[1] as string).trim().split(/\s+/),
  );
  assert.ok(commands.length >= 9, `${commands.length} commands`);
  for (const args of commands) {
    const result = await runCli(args, { cwd: root });
    assert.ok(
      result.code === 0 || result.code === 2,
      `plinth ${args.join(" ")}: exit ${result.code}: ${result.stderr}`,
    );
    assert.equal(result.stderr.includes("error"), false, result.stderr);
  }
});

test("the example policy config is valid, and its suppression applies", async () => {
  assert.equal(
    readPolicyConfig(read("docs/examples/plinth-policy.yaml"), "plinth-policy.yaml").rules.length,
    2,
  );
  const args = [
    "policy",
    "check",
    "examples/shop/plinth.yaml",
    "--config",
    "docs/examples/plinth-policy.yaml",
    "--json",
  ];
  const json = JSON.parse((await runCli(args, { cwd: root })).stdout);
  assert.ok(
    json.results.some(
      (r: { ruleId: string; status: string }) => r.ruleId === "ACME-TAG-001" && r.status === "pass",
    ),
  );
  assert.equal(json.suppressions[0].matched, 2);
});
