import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { test } from "node:test";
import { generate } from "../../../src/codegen/generate.ts";
import { exampleGraph, writeTemp } from "../../helpers/codegen.ts";

/**
 * Warnings accepted, each for a reason:
 * - W3010 (hard-coded availability zones): subnets sit in the zones plinth.yaml names (a, b, c of the
 *   region), exactly as in the Terraform output; `Fn::GetAZs` could change zones between deployments.
 * - W3691 (engine version deprecated): plinth asks for a major version ("16"), which RDS resolves to its
 *   newest minor; cfn-lint's list knows only full versions.
 * - W3002 (works only with `package`): nested stacks name their templates by relative path, which
 *   `aws cloudformation package` uploads; the root template's header says so.
 */
const JUSTIFIED = new Set(["W3010", "W3691", "W3002"]);

test("every generated CloudFormation template passes cfn-lint with no errors and only justified warnings", () => {
  const files = new Map<string, string>();
  for (const env of ["dev", "prod"]) {
    const graph = exampleGraph("shop", env);
    files.set(`shop-${env}.yaml`, generate(graph, "cloudformation").get("template.yaml") as string);
    files.set(`shop-${env}.json`, generate(graph, "cloudformation-json").get("template.json") as string);
  }
  // Nested stacks, values passed between children through the root.
  for (const [path, content] of generate(exampleGraph("shop", "dev"), "cloudformation", {
    maxResourcesPerStack: 10,
  }))
    files.set(`nested/${path}`, content);
  const dir = writeTemp(files, "plinth-cfn-lint-");
  const result = spawnSync("cfn-lint", ["-f", "json", ...[...files.keys()].map((f) => join(dir, f))], {
    encoding: "utf8",
  });
  assert.ok(result.error === undefined, `cfn-lint must be installed: ${result.error?.message}`);
  const findings = JSON.parse(result.stdout || "[]") as Array<{
    Rule: { Id: string };
    Message: string;
    Filename: string;
  }>;
  const unjustified = findings.filter((f) => !JUSTIFIED.has(f.Rule.Id));
  assert.deepEqual(
    unjustified.map((f) => `${f.Filename}: ${f.Rule.Id} ${f.Message}`),
    [],
  );
});
