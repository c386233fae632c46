import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";
import { runCli } from "../../helpers/cli.ts";
import { assertMatchesCliSchema } from "../../helpers/cli-schemas.ts";

const shop = new URL("../../../examples/shop/plinth.yaml", import.meta.url).pathname;
const tmp = () => mkdtempSync(join(tmpdir(), "plinth-cli-"));

describe("plinth init", () => {
  for (const cloud of ["aws", "gcp", "azure"]) {
    test(`writes a starter for ${cloud} that validates`, async () => {
      const dir = join(tmp(), "My Shop");
      await import("node:fs").then((fs) => fs.mkdirSync(dir));
      const init = await runCli(["init", "--cloud", cloud, "--json"], { cwd: dir });
      assert.equal(init.code, 0, init.stderr);
      assertMatchesCliSchema("init.schema.json", JSON.parse(init.stdout));
      assert.equal(JSON.parse(init.stdout).app, "my-shop");
      assert.match(readFileSync(join(dir, "plinth.yaml"), "utf8"), /^# plinth.yaml/);
      const validate = await runCli(["validate"], { cwd: dir });
      assert.equal(validate.code, 0, validate.stderr);
    });
  }

  test("refuses to overwrite an existing file and leaves it untouched", async () => {
    const dir = tmp();
    writeFileSync(join(dir, "plinth.yaml"), "mine\n");
    const result = await runCli(["init"], { cwd: dir });
    assert.equal(result.code, 1);
    assert.equal(result.stderr, "error: plinth.yaml already exists; plinth init never overwrites it.\n");
    assert.equal(readFileSync(join(dir, "plinth.yaml"), "utf8"), "mine\n");
  });
});

describe("plinth validate", () => {
  test("summarises every environment", async () => {
    const result = await runCli(["validate", "-f", shop]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(
      result.stdout,
      /is valid: app shop, 7 components\n {2}dev: aws us-east-1, \d+ resources\n {2}prod: aws us-east-1, \d+ resources \(production\)/,
    );
  });

  test("--json matches its schema", async () => {
    const result = await runCli(["validate", "-f", shop, "--json"]);
    const json = JSON.parse(result.stdout);
    assertMatchesCliSchema("validate.schema.json", json);
    assert.equal(json.valid, true);
    assert.deepEqual(
      json.environments.map((e: { name: string }) => e.name),
      ["dev", "prod"],
    );
  });

  test("an invalid spec: one line per problem with file:line:col, exit 1, JSON diagnostics", async () => {
    const dir = tmp();
    writeFileSync(
      join(dir, "plinth.yaml"),
      "apiVersion: plinth/v1\napp: shop\ncloud: aws\ncomponents:\n  db:\n    type: database\n    engine: postgres\n    network: ${nett}\n  q:\n    type: queue\n    fifo: 3\n",
    );
    const text = await runCli(["validate"], { cwd: dir });
    assert.equal(text.code, 1);
    assert.equal(
      text.stderr,
      "error: plinth.yaml:11:11: `components.q.fifo` must be true or false, not a number (`3`).\n",
    );
    const json = await runCli(["validate", "--json"], { cwd: dir });
    assert.equal(json.code, 1);
    assertMatchesCliSchema("validate.schema.json", JSON.parse(json.stdout));
    assert.equal(JSON.parse(json.stdout).valid, false);
  });

  test("semantic problems in several environments are all listed", async () => {
    const dir = tmp();
    writeFileSync(
      join(dir, "plinth.yaml"),
      "apiVersion: plinth/v1\napp: shop\ncloud: aws\nenvironments:\n  dev:\n    region: us-east-9\n  prod:\n    region: eu-west-9\ncomponents:\n  f:\n    type: bucket\n",
    );
    const result = await runCli(["validate"], { cwd: dir });
    assert.equal(result.code, 1);
    assert.match(result.stderr, /plinth.yaml:6:13: `us-east-9` is not a known aws region/);
    assert.match(result.stderr, /plinth.yaml:8:13: `eu-west-9` is not a known aws region/);
    assert.match(result.stderr, /2 problems found/);
  });

  test("a missing file: one sentence with what to do, no stack trace", async () => {
    const result = await runCli(["validate", "-f", "nope.yaml"], { cwd: tmp() });
    assert.equal(result.code, 1);
    assert.equal(
      result.stderr,
      "error: No spec file at nope.yaml. Pass one with -f, or create one with `plinth init`.\n",
    );
  });

  test("--json errors are machine-readable", async () => {
    const result = await runCli(["validate", "-f", "nope.yaml", "--json"], { cwd: tmp() });
    const json = JSON.parse(result.stdout);
    assertMatchesCliSchema("error.schema.json", json);
    assert.equal(json.error.name, "InputError");
  });

  test("--debug adds the stack trace; without it there is none", async () => {
    const dir = tmp();
    writeFileSync(join(dir, "plinth.yaml"), "app: [\n");
    assert.doesNotMatch((await runCli(["validate"], { cwd: dir })).stderr, /\n\s+at /);
    assert.match((await runCli(["validate", "--debug"], { cwd: dir })).stderr, /\n\s+at /);
  });
});

describe("plinth graph", () => {
  test("dot: clusters per component and an edge per dependency", async () => {
    const result = await runCli(["graph", "-f", shop, "--format", "dot"]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^digraph "shop-dev" \{/);
    assert.match(result.stdout, /subgraph "cluster_db" \{/);
    assert.match(result.stdout, /"aws_db_instance.db" -> "aws_db_subnet_group.db";/);
    assert.match(
      result.stdout,
      /"aws_s3_bucket_policy.assets" -> "aws_s3_bucket_public_access_block.assets" \[style=dashed\];/,
    );
  });

  test("mermaid and text", async () => {
    const mermaid = await runCli(["graph", "-f", shop, "--format", "mermaid", "--env", "prod"]);
    assert.match(mermaid.stdout, /^flowchart LR\n/);
    assert.match(mermaid.stdout, /subgraph db\["db"\]/);
    const text = await runCli(["graph", "-f", shop]);
    const lines = text.stdout.split("\n");
    assert.match(lines[0] ?? "", /shop \(dev\) on aws us-east-1: \d+ resources, in apply order/);
    assert.ok(
      lines.findIndex((l) => l.startsWith("  aws_vpc.net")) <
        lines.findIndex((l) => l.startsWith("  aws_subnet.net_private_a")),
    );
  });

  test("json matches its schema, for every example", async () => {
    const examples = new URL("../../../examples/", import.meta.url);
    const clouds = new Set<string>();
    for (const example of readdirSync(examples)) {
      const result = await runCli([
        "graph",
        "-f",
        new URL(`${example}/plinth.yaml`, examples).pathname,
        "--json",
      ]);
      assert.equal(result.code, 0, result.stderr);
      const json = JSON.parse(result.stdout);
      assertMatchesCliSchema("graph.schema.json", json);
      clouds.add(json.cloud);
    }
    assert.deepEqual([...clouds].sort(), ["aws", "azure", "gcp"]);
  });

  test("--cloud retargets a spec; a native type of another cloud is refused", async () => {
    const result = await runCli(["graph", "-f", shop, "--cloud", "gcp"]);
    assert.equal(result.code, 1);
    assert.match(
      result.stderr,
      /plinth.yaml:\d+:\d+: `aws_cloudwatch_log_group` is an aws resource type; environment `dev` targets gcp/,
    );
  });

  test("an unknown format is a clear error", async () => {
    const result = await runCli(["graph", "-f", shop, "--format", "svg"]);
    assert.equal(result.code, 1);
    assert.equal(result.stderr, "error: --format must be one of text, dot, mermaid, json, not `svg`.\n");
  });
});

describe("colour, help and version", () => {
  const ESC = "\u001b";
  const badSpec = () => {
    const dir = tmp();
    writeFileSync(join(dir, "plinth.yaml"), "apiVersion: plinth/v1\n");
    return dir;
  };

  test("colours only on a terminal, never with NO_COLOR or --no-color", async () => {
    const dir = badSpec();
    assert.ok((await runCli(["validate"], { cwd: dir, isTTY: true })).stderr.startsWith(`${ESC}[31merror`));
    const plain = [
      await runCli(["validate"], { cwd: dir, isTTY: true, env: { NO_COLOR: "1" } }),
      await runCli(["validate", "--no-color"], { cwd: dir, isTTY: true }),
      await runCli(["validate"], { cwd: dir }),
    ];
    for (const result of plain) assert.ok(!result.stderr.includes(ESC), result.stderr);
  });

  test("--help for every command, --version, and unknown commands", async () => {
    for (const command of ["init", "validate", "graph"]) {
      const help = await runCli([command, "--help"]);
      assert.equal(help.code, 0);
      assert.match(help.stdout, new RegExp(`Usage: plinth ${command}`));
      assert.match(help.stdout, /--json/);
    }
    const version = await runCli(["--version"]);
    assert.equal(
      version.stdout.trim(),
      JSON.parse(readFileSync(new URL("../../../package.json", import.meta.url), "utf8")).version,
    );
    const unknown = await runCli(["frobnicate"]);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /unknown command 'frobnicate'/);
  });

  test("no file is written by a failing command", async () => {
    const dir = badSpec();
    await runCli(["graph", "--format", "dot"], { cwd: dir });
    assert.equal(existsSync(join(dir, ".plinth")), false);
  });
});
