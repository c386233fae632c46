import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";
import { InputError } from "../../../src/errors.ts";
import { readInfrastructure } from "../../../src/ingest/read-infrastructure.ts";
import { Ref, Unknown } from "../../../src/model/value.ts";
import { fixture, json, nodeAt, writeTree } from "../../helpers/ingest.ts";

const handBuilt = () =>
  readInfrastructure(fixture("plan/hand-built/plan.json"), { display: "plan/plan.json" });

describe("plan JSON (hand-built in the documented shape, for aws, google and azurerm)", () => {
  test("planned_values of the root and child modules become nodes, addressed as in the plan", () => {
    const { kind, graphs } = handBuilt();
    assert.equal(kind, "terraform-plan");
    assert.deepEqual(
      graphs[0]?.nodes.map((n) => `${n.address} ${n.origin}`),
      [
        "aws_db_instance.db terraform-plan",
        "aws_s3_bucket.logs terraform-plan",
        "aws_s3_bucket_versioning.logs terraform-plan",
        "google_storage_bucket.media terraform-plan",
        "module.store.azurerm_storage_account.this terraform-plan",
      ],
    );
  });

  test("after_unknown values are unknown, and a reference from the configuration becomes a Ref", () => {
    const graph = handBuilt().graphs[0];
    const bucket = nodeAt(graph, "aws_s3_bucket.logs");
    assert.ok(bucket.properties.arn instanceof Unknown);
    assert.equal(bucket.properties.bucket, "shop-logs");
    const versioning = nodeAt(graph, "aws_s3_bucket_versioning.logs");
    assert.deepEqual(json(versioning.properties.bucket ?? null), {
      $ref: "aws_s3_bucket.logs",
      $path: ["id"],
    });
    assert.deepEqual(json(versioning.properties.versioning_configuration ?? null), [
      { status: "Enabled", mfa_delete: { $unknown: "known after apply" } },
    ]);
  });

  test("regions come from provider_config (constants, variables, aliases) or the resource's location", () => {
    const graph = handBuilt().graphs[0];
    assert.equal(graph?.region, "eu-west-1");
    assert.equal(nodeAt(graph, "aws_s3_bucket.logs").region, "eu-west-1");
    assert.equal(nodeAt(graph, "aws_db_instance.db").region, "eu-central-1");
    assert.equal(nodeAt(graph, "module.store.azurerm_storage_account.this").region, "westeurope");
  });

  test("sensitive values are marked", () => {
    assert.deepEqual(nodeAt(handBuilt().graphs[0], "aws_db_instance.db").sensitive, [["password"]]);
  });

  test("with the .tf files beside the plan, nodes point at their blocks, arguments and directives", () => {
    const graph = handBuilt().graphs[0];
    const bucket = nodeAt(graph, "aws_s3_bucket.logs");
    assert.deepEqual(bucket.source, { file: "plan/main.tf", line: 20, col: 1 });
    assert.equal(
      bucket.directives?.[0]?.text,
      'plinth:ignore PLINTH-AWS-002 reason="versioning managed below" expires=2031-01-01',
    );
    const versioning = nodeAt(graph, "aws_s3_bucket_versioning.logs");
    assert.deepEqual(versioning.attributeSources?.["versioning_configuration[0].status"], {
      file: "plan/main.tf",
      line: 27,
      col: 5,
    });
    const store = nodeAt(graph, "module.store.azurerm_storage_account.this");
    assert.deepEqual(store.attributeSources?.min_tls_version, {
      file: "plan/modules/store/main.tf",
      line: 7,
      col: 3,
    });
  });

  test("--source names the .tf directory when the plan is elsewhere; without it nodes point at the plan", () => {
    const elsewhere = writeTree({});
    cpSync(fixture("plan/hand-built/plan.json"), join(elsewhere, "plan.json"));
    const bare = readInfrastructure(join(elsewhere, "plan.json"), { display: "p.json" }).graphs[0];
    assert.deepEqual(nodeAt(bare, "aws_s3_bucket.logs").source, { file: "p.json", line: 1, col: 1 });
    const mapped = readInfrastructure(join(elsewhere, "plan.json"), {
      display: "p.json",
      source: fixture("plan/hand-built"),
    });
    assert.equal(nodeAt(mapped.graphs[0], "aws_s3_bucket.logs").source?.line, 20);
  });

  test("a JSON file that is not a plan, or a truncated one, is one clear error", () => {
    const dir = writeTree({
      "a.json": '{"format_version": "1.2", "planned_values": {}}',
      "b.json": '{"format_version": "1.2", "planned_values": {',
    });
    assert.throws(
      () => readInfrastructure(join(dir, "a.json"), { display: "a.json" }),
      (e: unknown) =>
        e instanceof InputError &&
        e.message === "a.json has no `planned_values`: it is not the output of `terraform show -json`.",
    );
    assert.throws(
      () => readInfrastructure(join(dir, "b.json"), { display: "b.json" }),
      (e: unknown) => e instanceof InputError && e.message === "b.json is not valid JSON.",
    );
  });

  test("keys in plan values cannot forge references or pollute prototypes", () => {
    const dir = writeTree({
      "plan.json": JSON.stringify({
        format_version: "1.2",
        planned_values: {
          root_module: {
            resources: [
              {
                address: "aws_s3_bucket.b",
                mode: "managed",
                type: "aws_s3_bucket",
                name: "b",
                values: { tags: { __proto__: "x", $ref: "aws_vpc.v" } },
              },
            ],
          },
        },
      }).replace('"tags":{"$ref"', '"tags":{"__proto__":"x","$ref"'),
    });
    const tags = readInfrastructure(join(dir, "plan.json")).graphs[0]?.nodes[0]?.properties.tags as Record<
      string,
      unknown
    >;
    assert.equal(Object.getPrototypeOf(tags), Object.prototype);
    assert.equal(Object.getOwnPropertyDescriptor(tags, "__proto__")?.value, "x");
    assert.equal((json(tags as never) as Record<string, unknown>).$$ref, "aws_vpc.v");
  });
});

describe("plan JSON from the real terraform binary (terraform_data, no providers needed)", () => {
  test("terraform init/plan/show -json output is read, with for_each keys, modules and source lines", () => {
    const dir = mkdtempSync(join(tmpdir(), "plinth-plan-"));
    cpSync(fixture("plan/terraform-data"), dir, { recursive: true });
    const config = join(dir, ".terraformrc");
    writeFileSync(config, "");
    const env = {
      ...process.env,
      CHECKPOINT_DISABLE: "1",
      TF_CLI_CONFIG_FILE: config,
      TF_IN_AUTOMATION: "1",
    };
    const terraform = (...args: string[]) =>
      execFileSync("terraform", args, { cwd: dir, env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    terraform("init", "-input=false", "-no-color");
    terraform("plan", "-input=false", "-no-color", "-out=plan.out");
    writeFileSync(join(dir, "plan.json"), terraform("show", "-json", "plan.out"));

    const graph = readInfrastructure(join(dir, "plan.json"), { display: "tfplan.json" }).graphs[0];
    assert.deepEqual(
      graph?.nodes.map((n) => n.address),
      [
        "module.child.terraform_data.disk[0]",
        "module.child.terraform_data.disk[1]",
        "module.child.terraform_data.disk[2]",
        'terraform_data.bucket["assets"]',
        'terraform_data.bucket["logs"]',
        'terraform_data.versioning["assets"]',
        'terraform_data.versioning["logs"]',
      ],
    );
    const bucket = nodeAt(graph, 'terraform_data.bucket["logs"]');
    assert.deepEqual(bucket.properties.input, { name: "logs", versioned: true });
    assert.ok(bucket.properties.id instanceof Unknown);
    assert.equal(bucket.source?.line, 7);
    assert.match(bucket.directives?.[0]?.text ?? "", /^plinth:ignore PLINTH-TEST-001/);
    const versioning = nodeAt(graph, 'terraform_data.versioning["logs"]');
    assert.ok(versioning.properties.input instanceof Ref);
    assert.equal(versioning.properties.input.address, 'terraform_data.bucket["logs"]');
    assert.deepEqual(nodeAt(graph, "module.child.terraform_data.disk[2]").properties.input, {
      index: 2,
      size_gb: 20,
    });
    assert.equal(nodeAt(graph, "module.child.terraform_data.disk[2]").source?.file, "child/main.tf");

    // The same directory read as source agrees with the plan on addresses and values.
    const source = readInfrastructure(dir).graphs[0];
    assert.deepEqual(
      source?.nodes.map((n) => n.address),
      graph?.nodes.map((n) => n.address),
    );
    assert.deepEqual(nodeAt(source, 'terraform_data.bucket["logs"]').properties.input, {
      name: "logs",
      versioned: true,
    });
  });
});
