// plinth's Terraform reader against the Terraform 1.11 binary itself, offline: formatdate() through
// `terraform console`, and override files through `terraform plan` / `validate` on `terraform_data`
// resources (the one resource type Terraform plans with no provider to download).
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { readInfrastructure } from "../../../src/ingest/read-infrastructure.ts";
import { evaluateHcl, json, writeTree } from "../../helpers/ingest.ts";
import { terraform } from "../../helpers/terraform.ts";

/** A string as an HCL literal that is never a template. */
const hcl = (text: string) =>
  JSON.stringify(text)
    .replaceAll("${", () => "$${")
    .replaceAll("%{", () => "%%{");

const FORMATS: Array<[string, string]> = [
  ["DD MMM YYYY hh:mm ZZZ", "2018-01-02T23:12:01Z"],
  ["EEEE, DD-MMM-YY hh:mm:ss ZZZ", "2018-01-02T23:12:01Z"],
  ["EEE, DD MMM YYYY hh:mm:ss ZZZ", "2018-01-02T23:12:01-08:00"],
  ["MMM DD, YYYY", "2018-01-02T23:12:01Z"],
  ["HH:mmaa", "2018-01-02T23:12:01Z"],
  ["h'h'mm", "2018-01-02T23:12:01-08:00"],
  ["YYYY YY MMMM MMM MM M DD D EEEE EEE", "2009-02-07T05:04:03Z"],
  ["hh h HH H AA aa mm m ss s", "2009-11-07T00:04:03Z"],
  ["hh h HH H AA aa", "2009-11-07T12:30:00Z"],
  ["Z ZZZ ZZZZ ZZZZZ", "2009-11-07T05:04:03Z"],
  ["Z ZZZ ZZZZ ZZZZZ", "2009-11-07T05:04:03-00:00"],
  ["Z ZZZ ZZZZ ZZZZZ", "2009-11-07T05:04:03+05:30"],
  ["''hh''", "2009-11-07T05:04:03Z"],
  ["''''", "2009-11-07T05:04:03Z"],
  ["'''abc'", "2009-11-07T05:04:03Z"],
  ["'o''clock' h", "2009-11-07T05:04:03Z"],
  ["[DD/MM] '${x}' '%{y}' 100%", "2009-11-07T05:04:03Z"],
  ["é 日本 DD", "2018-01-01T00:00:00Z"],
  ["hh", "2018-01-01T00:00:00.5+05:30"],
  ["EEEE YYYY", "0000-01-01T00:00:00Z"],
  ["EEEE", "1600-02-29T00:00:00Z"],
  ["EEEE", "2000-02-29T00:00:00+23:59"],
  // Each of these Terraform refuses.
  ["YYYY", "2018-02-30T00:00:00Z"],
  ["YYYY", "2018-01-01T00:00:00+24:00"],
  ["YYYY", "2018-01-01t00:00:00z"],
  ["YYYY", "2018-01-01T00:00:00"],
  ["YYYY", "2018-01-01T00:00:60Z"],
  ["YYYY", "2018-01-01T24:00:00Z"],
  ["YYYY", "2018-1-01T00:00:00Z"],
  ["YYYY", "2018-01-01T00:00:00,5Z"],
  ["YYYY", " 2018-01-01T00:00:00Z"],
  ["YYY", "2018-01-01T00:00:00Z"],
  ["MMMMM", "2018-01-01T00:00:00Z"],
  ["A", "2018-01-01T00:00:00Z"],
  ["ZZ", "2018-01-01T00:00:00Z"],
  ["x", "2018-01-01T00:00:00Z"],
  ["'unclosed", "2018-01-01T00:00:00Z"],
];

describe("plinth agrees with the Terraform 1.11 binary", () => {
  test(`formatdate(): the same text, or the same refusal, for ${FORMATS.length} formats and timestamps`, () => {
    const calls = FORMATS.map(([spec, t]) => `try(formatdate(${hcl(spec)}, ${hcl(t)}), "(error)")`);
    // `terraform console` prints the value of the last line it reads, so one list holds every case.
    const result = terraform(["console"], writeTree({}), `jsonencode([${calls.join(", ")}])\n`);
    assert.equal(result.code, 0, result.stderr);
    const expected: string[] = JSON.parse(JSON.parse(result.stdout.trim()));
    const actual = FORMATS.map(([spec, t]) => {
      try {
        return String(evaluateHcl(`formatdate(${hcl(spec)}, ${hcl(t)})`));
      } catch {
        return "(error)";
      }
    });
    assert.deepEqual(actual, expected);
    assert.equal(expected.filter((e) => e === "(error)").length, 15);
  });

  test("override files: the same planned values as `terraform plan`, in HCL and JSON syntax, in lexical order", () => {
    const dir = writeTree({
      "main.tf": [
        'variable "size" {',
        "  type    = number",
        "  default = 1",
        "}",
        "locals {",
        '  env  = "dev"',
        '  team = "web"',
        "}",
        'resource "terraform_data" "a" {',
        "  input            = { size = var.size, env = local.env, team = local.team }",
        '  triggers_replace = ["original"]',
        "}",
        'resource "terraform_data" "b" {',
        "  count = 1",
        '  input = "b-${count.index}-${local.env}"',
        "}",
        'output "o" {',
        '  value = "original"',
        "}",
        "",
      ].join("\n"),
      "a_override.tf": [
        'resource "terraform_data" "a" {',
        '  triggers_replace = ["from-a"]',
        "}",
        "locals {",
        '  env = "prod"',
        "}",
        "",
      ].join("\n"),
      "b_override.tf.json": JSON.stringify({
        resource: { terraform_data: { b: { count: 2 }, a: { triggers_replace: ["from-b"] } } },
        variable: { size: { default: "5" } },
        output: { o: { value: "overridden-${local.team}" } },
      }),
      "override.tf": 'locals {\n  team = "ops"\n}\n',
    });
    assert.equal(terraform(["init", "-input=false", "-backend=false"], dir).code, 0);
    const plan = terraform(["plan", "-input=false", "-out=plan.out"], dir);
    assert.equal(plan.code, 0, plan.stderr);
    const show = JSON.parse(terraform(["show", "-json", "plan.out"], dir).stdout);
    const planned = show.planned_values;
    const terraformSays = {
      resources: Object.fromEntries(
        planned.root_module.resources.map((r: { address: string; values: Record<string, unknown> }) => [
          r.address,
          { input: r.values.input, triggers_replace: r.values.triggers_replace ?? null },
        ]),
      ),
      output: planned.outputs.o.value,
    };
    const { graphs, warnings } = readInfrastructure(dir, { display: "." });
    const graph = graphs[0];
    const plinthSays = {
      resources: Object.fromEntries(
        (graph?.nodes ?? []).map((n) => [
          n.address,
          json({
            input: n.properties.input ?? null,
            triggers_replace: n.properties.triggers_replace ?? null,
          }),
        ]),
      ),
      output: json(graph?.outputs.find((o) => o.name === "o")?.value ?? null),
    };
    assert.deepEqual(plinthSays, terraformSays);
    assert.deepEqual(warnings, []);
    assert.equal(terraformSays.output, "overridden-ops");

    // The plan itself, read with its .tf files beside it: the overridden argument's line is the override's.
    writeFileSync(join(dir, "plan.json"), terraform(["show", "-json", "plan.out"], dir).stdout);
    const fromPlan = readInfrastructure(join(dir, "plan.json"), { display: "plan.json" }).graphs[0];
    const a = fromPlan?.nodes.find((n) => n.address === "terraform_data.a");
    assert.deepEqual(a?.attributeSources?.triggers_replace, { file: "b_override.tf.json", line: 1, col: 53 });
    assert.deepEqual(a?.attributeSources?.input, { file: "main.tf", line: 10, col: 3 });
  });

  test("what Terraform refuses in an override, plinth warns about at the same file and line", () => {
    const dir = writeTree({
      "main.tf": 'resource "terraform_data" "a" {}\nresource "terraform_data" "b" {}\nlocals {\n  x = 1\n}\n',
      "main_override.tf": [
        'resource "terraform_data" "typo" {',
        '  input = "x"',
        "}",
        'resource "terraform_data" "a" {',
        "  depends_on = [terraform_data.b]",
        "}",
        "locals {",
        "  y = 2",
        "}",
        "",
      ].join("\n"),
    });
    // `terraform_data` is built in, so no `terraform init` (which would stop at these errors) is needed.
    const validate = JSON.parse(terraform(["validate", "-json"], dir).stdout);
    const refused = validate.diagnostics
      .map((d: { summary: string; range: { filename: string; start: { line: number } } }) => [
        d.range.filename,
        d.range.start.line,
      ])
      .sort();
    const { warnings } = readInfrastructure(dir, { display: "." });
    const warned = warnings.map((w) => [w.location?.file, w.location?.line]).sort();
    assert.deepEqual(warned, refused);
    assert.equal(refused.length, 3);
  });
});
