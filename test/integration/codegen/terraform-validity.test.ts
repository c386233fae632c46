import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { parse } from "@cdktf/hcl2json";
import { checkProperties, type PropertyProblem } from "../../../src/catalog/check-properties.ts";
import { ProviderSchemas } from "../../../src/catalog/provider-schemas.ts";
import { generate } from "../../../src/codegen/generate.ts";
import { Unknown, type Value } from "../../../src/model/value.ts";
import { EXAMPLES, exampleGraph } from "../../helpers/codegen.ts";
import { terraform } from "../../helpers/terraform.ts";

const schemas = new ProviderSchemas();
const ENVS = ["dev", "prod"];

/** Every example, every environment, lowered for its own cloud and the others where the spec allows. */
function projects(format: "terraform" | "terraform-json") {
  const out: Array<{ name: string; files: Map<string, string> }> = [];
  for (const example of EXAMPLES)
    for (const env of ENVS)
      out.push({ name: `${example}-${env}`, files: generate(exampleGraph(example, env), format) });
  return out;
}

test("every generated .tf passes terraform fmt -check (Terraform 1.11 binary)", () => {
  const root = mkdtempSync(join(tmpdir(), "plinth-fmt-"));
  const all = projects("terraform");
  for (const { name, files } of all) {
    mkdirSync(join(root, name));
    for (const [path, content] of files) writeFileSync(join(root, name, path), content);
  }
  const result = terraform(["fmt", "-check", "-recursive", "-diff", root], root);
  assert.equal(result.code, 0, `terraform fmt would change:\n${result.stdout}${result.stderr}`);
  assert.ok(all.length >= 6);
});

/** hcl2json's view of a value: `${…}` expressions are not known statically, like references in a graph. */
function fromParsed(value: unknown): Value {
  if (typeof value === "string") return value.includes("${") ? new Unknown("expression") : value;
  if (Array.isArray(value)) return value.map(fromParsed);
  if (value !== null && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fromParsed(v)]));
  return value as Value;
}

const META_ARGUMENTS = new Set(["depends_on", "provider", "count", "for_each", "lifecycle"]);

test("every generated resource, argument and block matches the provider schemas (read back from the HCL)", async () => {
  let checked = 0;
  for (const { name, files } of projects("terraform")) {
    const parsed = (await parse("main.tf", files.get("main.tf") as string)) as {
      resource: Record<string, Record<string, Array<Record<string, unknown>>>>;
    };
    for (const [type, resources] of Object.entries(parsed.resource)) {
      const schema = schemas.resource(type);
      assert.ok(schema, `${name}: ${type} is in the bundled provider schemas`);
      for (const [local, [body]] of Object.entries(resources)) {
        const properties = Object.fromEntries(
          Object.entries(body as Record<string, unknown>)
            .filter(([key]) => !META_ARGUMENTS.has(key))
            .map(([key, value]) => [key, fromParsed(value)]),
        );
        const problems: PropertyProblem[] = checkProperties(properties, schema).filter(
          (p) => p.severity === "error",
        );
        assert.deepEqual(problems, [], `${name}: ${type}.${local}`);
        checked++;
      }
    }
  }
  assert.ok(checked > 100, `checked ${checked} resources`);
});

const HOSTILE = [
  'quote " backslash \\ ${var.x} %{ if true }x%{ endif } $${already} %%{literal}',
  "line one\nline two\r\n\ttabbed\u0001\u007f end",
  "unicode é 漢字 🙂 \u2028 combining e\u0301",
  "${",
  "$",
  "%",
  "}",
  "EOT\n",
];

test("strings survive Terraform's own parser exactly, in HCL and in JSON syntax (terraform console)", () => {
  // Hostile text in every place a spec string can land: a value, a map key, a template around a reference.
  const graph = exampleGraph("shop", "dev");
  graph.outputs = [];
  graph.variables = [{ name: "x", type: "string", description: "d", default: "VAR" }];
  const node = graph.nodes.find((n) => n.type === "aws_cloudwatch_log_group") as (typeof graph.nodes)[number];
  graph.nodes = [node];
  // Multi-line text ending in a newline is written as a heredoc, which has escaping rules of its own.
  const script = '#!/bin/sh\necho "${HOME}" %{ if x } \\n\n  indented $${y}\n';
  node.properties = {
    name: script,
    tags: Object.fromEntries(HOSTILE.map((text, i) => [text, `${i}:${text}`])),
  };
  for (const format of ["terraform", "terraform-json"] as const) {
    const dir = mkdtempSync(join(tmpdir(), "plinth-console-"));
    const main = generate(graph, format).get(format === "terraform" ? "main.tf" : "main.tf.json") as string;
    // Console evaluates without providers: the resource's arguments become locals.
    const locals =
      format === "terraform"
        ? main.replace(/resource "aws_cloudwatch_log_group" "audit_logs" \{/, "locals {")
        : JSON.stringify({
            locals: (JSON.parse(main) as { resource: Record<string, Record<string, unknown>> }).resource
              .aws_cloudwatch_log_group?.audit_logs,
          });
    writeFileSync(join(dir, format === "terraform" ? "main.tf" : "main.tf.json"), locals);
    // One expression (console prints only the last), base64 so its output needs no unescaping.
    const result = terraform(["console"], dir, "base64encode(jsonencode([local.name, local.tags]))\n");
    assert.equal(result.code, 0, `${format}: ${result.stderr}`);
    const [name, tags] = JSON.parse(Buffer.from(JSON.parse(result.stdout.trim()), "base64").toString("utf8"));
    assert.equal(name, script, `${format}: name`);
    // HCL reads every string literal as Unicode NFC: `e` + combining acute comes back as `é`.
    const nfc = (text: string) => text.normalize("NFC");
    assert.deepEqual(
      tags,
      Object.fromEntries(HOSTILE.map((text, i) => [nfc(text), nfc(`${i}:${text}`)])),
      `${format}: tags`,
    );
  }
});
