import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { Ajv2020 } from "ajv/dist/2020.js";
import { parse } from "yaml";
import { ProviderSchemas, type SchemaBlock } from "../../../src/catalog/provider-schemas.ts";
import { UnsupportedByFormatError } from "../../../src/codegen/errors.ts";
import { generate } from "../../../src/codegen/generate.ts";
import { fieldOverrides, PULUMI_PACKAGES, pulumiField } from "../../../src/codegen/pulumi/pulumi-names.ts";
import type { Cloud, ResourceGraph } from "../../../src/model/graph.ts";
import { Encoded } from "../../../src/model/value.ts";
import { EXAMPLES, exampleGraph } from "../../helpers/codegen.ts";
import { graphOf, HEADER } from "../../helpers/spec.ts";

const schemas = new ProviderSchemas();
const schemaDir = new URL("../../../schemas/pulumi/", import.meta.url);
const validateProject = new Ajv2020({ strict: false, allErrors: true }).compile(
  JSON.parse(readFileSync(new URL("project.schema.json", schemaDir), "utf8")),
);
const tokens = (cloud: Cloud) => {
  const { name, version } = PULUMI_PACKAGES[cloud];
  return new Set(readFileSync(new URL(`${name}-${version}.tokens.txt`, schemaDir), "utf8").split("\n"));
};

type Program = { resources: Record<string, { type: string; properties?: Record<string, unknown> }> };
const pulumiYaml = (graph: ResourceGraph) => generate(graph, "pulumi-yaml").get("Pulumi.yaml") as string;

/** Every Pulumi property must map back to a Terraform argument or block of the type (recursively). */
function unknownProperties(
  values: Record<string, unknown>,
  schema: SchemaBlock,
  overrides: Record<string, { name: string; flattened: boolean }>,
  path = "",
): string[] {
  const problems: string[] = [];
  const byPulumiName = new Map<string, string>();
  for (const name of [...Object.keys(schema.attributes ?? {}), ...Object.keys(schema.block_types ?? {})]) {
    const fieldPath = path ? `${path}.${name}` : name;
    byPulumiName.set(pulumiField(name, schema, overrides[fieldPath]).name, name);
  }
  for (const [key, value] of Object.entries(values)) {
    const tfName = byPulumiName.get(key);
    if (!tfName) {
      problems.push(`${path}${path ? "." : ""}${key}`);
      continue;
    }
    const nested = schema.block_types?.[tfName];
    const fieldPath = path ? `${path}.${tfName}` : tfName;
    if (!nested) continue;
    for (const item of Array.isArray(value) ? value : [value])
      if (item && typeof item === "object")
        problems.push(
          ...unknownProperties(item as Record<string, unknown>, nested.block, overrides, fieldPath),
        );
  }
  return problems;
}

for (const example of EXAMPLES) {
  for (const env of ["dev", "prod"]) {
    test(`${example} (${env}) as Pulumi YAML: a valid project, current type tokens, properties the provider knows`, () => {
      const graph = exampleGraph(example, env);
      const program = parse(pulumiYaml(graph)) as Program;
      assert.ok(validateProject(program), JSON.stringify(validateProject.errors));
      const known = tokens(graph.cloud);
      const typeOf = new Map<string, string>();
      for (const node of graph.nodes) {
        const resourceName = Object.keys(program.resources).find((n) =>
          JSON.stringify(program.resources[n]?.properties ?? {}).includes(JSON.stringify(node.address)),
        );
        if (resourceName) typeOf.set(resourceName, node.type);
      }
      for (const [name, resource] of Object.entries(program.resources)) {
        assert.ok(
          known.has(resource.type),
          `${name}: ${resource.type} is a type of ${PULUMI_PACKAGES[graph.cloud].npm}`,
        );
        const type = typeOf.get(name) ?? graph.nodes.find((n) => resource.type.endsWith(`:${n.type}`))?.type;
        if (!type) continue;
        const problems = unknownProperties(resource.properties ?? {}, schemas.resource(type) as SchemaBlock, {
          ...fieldOverrides(type, graph.cloud),
        });
        assert.deepEqual(problems, [], `${name} (${type})`);
      }
      assert.equal(Object.keys(program.resources).length, graph.nodes.length);
    });
  }
}

test("the split S3 resources use pulumi-aws 7's tokens, not the deprecated V2 ones", () => {
  const program = parse(pulumiYaml(exampleGraph("shop"))) as Program;
  const types = new Set(Object.values(program.resources).map((r) => r.type));
  for (const token of [
    "aws:s3:Bucket",
    "aws:s3:BucketVersioning",
    "aws:s3:BucketServerSideEncryptionConfiguration",
    "aws:s3:BucketPublicAccessBlock",
  ])
    assert.ok(types.has(token), token);
  assert.ok(![...types].some((t) => t.endsWith("V2")));
  // A flattened single block, plural lists, references in Pulumi's names.
  const db = program.resources.dbInstance?.properties as Record<string, unknown>;
  assert.equal(db.dbSubnetGroupName, "${dbSubnetGroup.name}");
  assert.deepEqual(db.vpcSecurityGroupIds, ["${dbSecurityGroup.id}"]);
  const web = program.resources.webInstance?.properties as Record<string, unknown>;
  assert.deepEqual(web.metadataOptions, {
    httpEndpoint: "enabled",
    httpTokens: "required",
    httpPutResponseHopLimit: 1,
  });
});

test("spec text is escaped: `$` doubled in YAML, `${` and backticks escaped in TypeScript; fn:: keys refused", () => {
  const graph = graphOf(
    `${HEADER}components:\n  logs:\n    type: native\n    resource: aws_cloudwatch_log_group\n    properties:\n      name: 'a $\${b} \` c \\ \${x.id}'\n  x: { type: bucket }\n`,
  );
  const program = parse(pulumiYaml(graph)) as Program;
  const name = program.resources.logsLogGroup?.properties?.name as string;
  assert.equal(name, "a $${b} ` c \\ ${xBucket.id}");
  const ts = generate(graph, "pulumi-ts").get("index.ts") as string;
  assert.match(ts, /name: pulumi\.interpolate`a \\\$\{b\} \\` c \\\\ \$\{xBucket\.id\}`/);
  const fn = graphOf(`${HEADER}components:\n  b: { type: bucket }\n`);
  const policy = fn.nodes.find((n) => n.type === "aws_s3_bucket_policy");
  assert.ok(policy);
  policy.properties.policy = new Encoded("json", { "fn::readFile": "/etc/passwd" });
  assert.throws(
    () => generate(fn, "pulumi-yaml"),
    (e: Error) => e instanceof UnsupportedByFormatError && /fn::readFile/.test(e.message),
  );
});
