import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { test } from "node:test";
import { FIXTURES } from "../helpers/policy-fixtures.ts";

// The policy fixtures are real IaC: the CloudFormation ones pass cfn-lint, the Terraform ones are
// well-formed HCL in canonical format. Both tools are on the machine image; a missing tool fails here.

test("policy fixture templates have no cfn-lint errors", () => {
  const templates = readdirSync(FIXTURES)
    .filter((dir) => readdirSync(`${FIXTURES}${dir}`).includes("template.yaml"))
    .map((dir) => `${FIXTURES}${dir}/template.yaml`);
  assert.ok(templates.length >= 40, `${templates.length} templates`);
  const run = spawnSync("cfn-lint", ["-f", "parseable", ...templates], { encoding: "utf8" });
  assert.equal(run.error, undefined, `cfn-lint could not run: ${run.error?.message}`);
  const errors = run.stdout.split("\n").filter((line) => /:E\d+:/.test(line));
  assert.deepEqual(errors, []);
});

test("policy fixture .tf files are canonical HCL (terraform fmt -check)", () => {
  const run = spawnSync("terraform", ["fmt", "-check", "-recursive", FIXTURES], {
    encoding: "utf8",
    env: { ...process.env, CHECKPOINT_DISABLE: "1", TF_CLI_CONFIG_FILE: "/dev/null" },
  });
  assert.equal(run.error, undefined, `terraform could not run: ${run.error?.message}`);
  assert.equal(run.status, 0, `not canonical: ${run.stdout}${run.stderr}`);
});
