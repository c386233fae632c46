import assert from "node:assert/strict";
import { test } from "node:test";
import { ARM } from "../../../src/catalog/azure/arm.ts";
import { armTemplate } from "../../../src/codegen/arm/arm-model.ts";
import { innerTemplate } from "../../../src/codegen/arm/write-arm.ts";
import { UnsupportedByFormatError } from "../../../src/codegen/errors.ts";
import { generate } from "../../../src/codegen/generate.ts";
import { armValidators } from "../../helpers/arm-schema.ts";
import { exampleGraph } from "../../helpers/codegen.ts";
import { graphOf } from "../../helpers/spec.ts";

const AZURE_HEADER = "apiVersion: plinth/v1\napp: inv\ncloud: azure\nregion: westeurope\n";

type Template = {
  resources: Array<{ type: string; apiVersion: string; name: string; properties: { template?: Template } }>;
  outputs?: Record<string, { value: string }>;
};

for (const env of ["dev", "prod"]) {
  test(`azure-inventory (${env}) as ARM validates against the ARM template schemas (offline)`, () => {
    const { group, subscription } = armValidators();
    const graph = exampleGraph("azure-inventory", env);
    const outer = JSON.parse(generate(graph, "arm").get("azuredeploy.json") as string) as Template;
    assert.ok(subscription(outer), JSON.stringify(subscription.errors?.slice(0, 3), null, 1));
    const inner = outer.resources[1]?.properties.template as Template;
    assert.ok(group(inner), JSON.stringify(group.errors?.slice(0, 3), null, 1));
    // Every node but the resource group (the deployment's scope) and the associations (merged into the
    // subnet or gateway they configure), plus each storage account's blob service and each private
    // endpoint's DNS zone group.
    const merged = graph.nodes.filter((n) => ARM[n.type]?.mergeInto).length;
    const count = (type: string) => graph.nodes.filter((n) => n.type === type).length;
    assert.ok(merged >= 4);
    assert.equal(
      inner.resources.length,
      graph.nodes.length - 1 - merged + count("azurerm_storage_account") + count("azurerm_private_endpoint"),
    );
  });
}

test("the validator rejects what ARM would: a value outside its enum, a wrong type", () => {
  const { group } = armValidators();
  const inner = innerTemplate(armTemplate(exampleGraph("azure-inventory"))) as unknown as Template;
  assert.equal(group(inner), true);
  const broken = structuredClone(inner);
  (
    broken.resources.find((r) => r.type.endsWith("/securityRules"))?.properties as Record<string, unknown>
  ).access = "Perhaps";
  assert.equal(group(broken), false);
  const wrongType = structuredClone(inner);
  (
    wrongType.resources.find((r) => r.type === "Microsoft.KeyVault/vaults")?.properties as Record<
      string,
      unknown
    >
  ).enablePurgeProtection = "yes";
  assert.equal(group(wrongType), false);
});

test("Bicep declares every resource with the same type@apiVersion as the ARM output", () => {
  for (const env of ["dev", "prod"]) {
    const graph = exampleGraph("azure-inventory", env);
    const outer = JSON.parse(generate(graph, "arm").get("azuredeploy.json") as string) as Template;
    const inner = outer.resources[1]?.properties.template as Template;
    const bicep = generate(graph, "bicep");
    const declared = [
      ...(bicep.get("resources.bicep") as string).matchAll(/^resource \w+ '([^']+)' = \{/gm),
    ].map((m) => m[1]);
    assert.deepEqual(
      declared,
      inner.resources.map((r) => `${r.type}@${r.apiVersion}`),
    );
    const main = bicep.get("main.bicep") as string;
    assert.match(
      main,
      new RegExp(`resource rg '${outer.resources[0]?.type}@${outer.resources[0]?.apiVersion}'`),
    );
    assert.match(main, /^targetScope = 'subscription'$/m);
  }
});

test("references: resource IDs and runtime properties in ARM, symbolic references in Bicep; escaping of both", () => {
  const graph = exampleGraph("azure-inventory");
  const inner = JSON.parse(generate(graph, "arm").get("azuredeploy.json") as string).resources[1].properties
    .template as Template;
  const container = inner.resources.find((r) => r.type.endsWith("/containers"));
  assert.match(container?.name ?? "", /^[a-z0-9]+\/default\/inventory-prod-photos$/);
  assert.match(
    JSON.stringify(inner.outputs?.photosUrl),
    /reference\(resourceId\('Microsoft.Storage\/storageAccounts', '[a-z0-9]+'\), '2023-05-01'\)\.primaryEndpoints\.blob/,
  );
  const bicep = generate(graph, "bicep").get("resources.bicep") as string;
  assert.match(
    bicep,
    /output photosUrl string = '\$\{photosStorageAccount\.properties\.primaryEndpoints\.blob\}\$\{photosContainer\.name\}'/,
  );
  assert.match(bicep, /parent: photosStorageAccountBlobService$/m);

  // A tag value ARM would read as an expression, with a quote, `${` and a backslash for Bicep.
  const hostile = graphOf(
    `${AZURE_HEADER}components:\n  q:\n    type: queue\n    tags: { k: '[it''s $\${x} \\ ]' }\n`,
  );
  const armText = generate(hostile, "arm").get("azuredeploy.json") as string;
  assert.match(armText, /"k": "\[\[it's \$\$\{x\} \\\\ \]"/);
  const bicepText = generate(hostile, "bicep").get("resources.bicep") as string;
  assert.match(bicepText, /k: '\[it\\'s \$\\\$\{x\} \\\\ \]'/);
});

test("types without an ARM mapping, and other clouds, are refused by name", () => {
  assert.throws(() => generate(exampleGraph("shop"), "arm"), /arm generates for azure only/);
  const nat = graphOf(
    `${AZURE_HEADER}components:\n  b: { type: bucket }\n  ip:\n    type: native\n    resource: azurerm_service_plan\n    properties: { name: plan, resource_group_name: x, location: westeurope, os_type: Linux, sku_name: B1 }\n`,
  );
  assert.throws(
    () => generate(nat, "bicep"),
    (e: Error) =>
      e instanceof UnsupportedByFormatError &&
      /azurerm_service_plan cannot be generated as ARM or Bicep yet/.test(e.message),
  );
});
