import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";
import { MANIFEST } from "../../../src/codegen/output-directory.ts";
import { runCli } from "../../helpers/cli.ts";
import { assertMatchesCliSchema } from "../../helpers/cli-schemas.ts";

const shop = new URL("../../../examples/shop/plinth.yaml", import.meta.url).pathname;
const tmp = () => mkdtempSync(join(tmpdir(), "plinth-generate-"));

describe("plinth generate", () => {
  test("writes a Terraform project with a manifest, and --json lists its files", async () => {
    const out = join(tmp(), "infra");
    const result = await runCli(["generate", "-f", shop, "--format", "terraform", "-o", out, "--json"]);
    assert.equal(result.code, 0, result.stderr);
    const json = JSON.parse(result.stdout);
    assertMatchesCliSchema("generate.schema.json", json);
    assert.deepEqual(
      json.files.map((f: { path: string; status: string }) => `${f.path}:${f.status}`),
      ["versions.tf:created", "providers.tf:created", "main.tf:created", "outputs.tf:created"],
    );
    assert.deepEqual(readdirSync(out).sort(), [
      MANIFEST,
      "main.tf",
      "outputs.tf",
      "providers.tf",
      "versions.tf",
    ]);
    assert.match(readFileSync(join(out, "main.tf"), "utf8"), /resource "aws_s3_bucket" "assets" \{/);
    // The staging directory is gone.
    assert.deepEqual(readdirSync(join(out, "..")), ["infra"]);
  });

  test("--check: exit 0 when up to date, exit 2 naming what differs after the spec or the files change", async () => {
    const out = join(tmp(), "infra");
    const args = ["generate", "-f", shop, "--format", "terraform", "-o", out];
    assert.equal((await runCli(args)).code, 0);
    const fresh = await runCli([...args, "--check"]);
    assert.equal(fresh.code, 0, fresh.stderr);
    assert.match(fresh.stdout, /is up to date/);

    writeFileSync(join(out, "main.tf"), "# edited\n");
    const stale = await runCli([...args, "--check", "--json"]);
    assert.equal(stale.code, 2);
    const json = JSON.parse(stale.stdout);
    assertMatchesCliSchema("generate.schema.json", json);
    assert.equal(json.upToDate, false);
    assert.deepEqual(
      json.files.map((f: { path: string }) => f.path),
      ["main.tf"],
    );
    // --check never writes.
    assert.equal(readFileSync(join(out, "main.tf"), "utf8"), "# edited\n");

    const otherEnv = await runCli([...args, "--env", "prod", "--check"]);
    assert.equal(otherEnv.code, 2);
    assert.match(otherEnv.stdout, /~ main\.tf \(updated\)/);
    assert.match(otherEnv.stdout, /Run: plinth generate -f .* --env prod --format terraform -o /);
  });

  test("refuses a directory holding someone else's files, changes nothing, and --force keeps them", async () => {
    const out = tmp();
    writeFileSync(join(out, "notes.md"), "mine\n");
    const args = ["generate", "-f", shop, "--format", "terraform", "-o", out];
    const refused = await runCli(args);
    assert.equal(refused.code, 1);
    assert.match(
      refused.stderr,
      /holds files plinth did not generate or that were edited since \(notes\.md\)\. .*--force/,
    );
    assert.deepEqual(readdirSync(out), ["notes.md"]);

    const forced = await runCli([...args, "--force"]);
    assert.equal(forced.code, 0, forced.stderr);
    assert.equal(readFileSync(join(out, "notes.md"), "utf8"), "mine\n");
    assert.ok(existsSync(join(out, "main.tf")));
  });

  test("regenerating replaces its own files, removes the ones no longer generated, keeps Terraform's working files", async () => {
    const out = join(tmp(), "infra");
    const base = ["generate", "-f", shop, "-o", out];
    assert.equal((await runCli([...base, "--format", "terraform"])).code, 0);
    mkdirSync(join(out, ".terraform"));
    writeFileSync(join(out, ".terraform", "state"), "x");
    writeFileSync(join(out, ".terraform.lock.hcl"), "lock");
    const json = await runCli([...base, "--format", "terraform-json", "--json"]);
    assert.equal(json.code, 0, json.stderr);
    const statuses = JSON.parse(json.stdout).files.map(
      (f: { path: string; status: string }) => `${f.path}:${f.status}`,
    );
    assert.ok(
      statuses.includes("main.tf.json:created") && statuses.includes("main.tf:deleted"),
      statuses.join(" "),
    );
    assert.deepEqual(readdirSync(out).sort(), [
      ".plinth-generated.json",
      ".terraform",
      ".terraform.lock.hcl",
      "main.tf.json",
      "outputs.tf.json",
      "providers.tf.json",
      "versions.tf.json",
    ]);
  });

  test("usage errors: one sentence, exit 1, nothing written", async () => {
    const out = join(tmp(), "infra");
    const noFormat = await runCli(["generate", "-f", shop, "-o", out]);
    assert.equal(noFormat.code, 1);
    assert.match(noFormat.stderr, /^error: Choose a format with --format: terraform, terraform-json/);
    const badFormat = await runCli(["generate", "-f", shop, "-o", out, "--format", "hcl", "--json"]);
    assert.equal(badFormat.code, 1);
    assert.equal(JSON.parse(badFormat.stdout).error.name, "InputError");
    const noOut = await runCli(["generate", "-f", shop, "--format", "terraform"]);
    assert.match(noOut.stderr, /^error: Say where to write the project with -o DIR\./);
    assert.equal(existsSync(out), false);
  });

  test("an invalid spec writes nothing and points at the line", async () => {
    const dir = tmp();
    writeFileSync(
      join(dir, "plinth.yaml"),
      "apiVersion: plinth/v1\napp: shop\ncloud: aws\ncomponents:\n  a: { type: bucket, versoning: true }\n",
    );
    const result = await runCli(["generate", "--format", "terraform", "-o", "out"], { cwd: dir });
    assert.equal(result.code, 1);
    assert.match(result.stderr, /^error: plinth\.yaml:5:/);
    assert.equal(existsSync(join(dir, "out")), false);
  });
});
