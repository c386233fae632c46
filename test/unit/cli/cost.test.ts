import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { renderHtml } from "../../../src/cost/render/render-html.ts";
import { renderMarkdown } from "../../../src/cost/render/render-markdown.ts";
import { buildGraph } from "../../../src/model/build-graph.ts";
import { readSpecFile } from "../../../src/spec/load-spec.ts";
import { LocalFileStore } from "../../../src/state/local-file-store.ts";
import { runCli } from "../../helpers/cli.ts";
import { assertMatchesCliSchema } from "../../helpers/cli-schemas.ts";
import { node, price } from "../../helpers/cost.ts";
import { commitPlannedVersion } from "../../helpers/engine.ts";

/** A spec with one EC2 instance (small: t3.small) and one Lambda-like usage entry, and budgets. */
function project(extra = ""): string {
  const dir = mkdtempSync(join(tmpdir(), "plinth-cost-"));
  writeFileSync(
    join(dir, "plinth.yaml"),
    [
      "apiVersion: plinth/v1",
      "app: shop",
      "cloud: aws",
      "region: us-east-1",
      "environments:",
      "  dev: {}",
      "  prod: { overrides: { web: { size: medium } } }",
      "components:",
      "  net: { type: network, cidr: 10.20.0.0/16 }",
      "  web: { type: vm, size: small, network: '${net}' }",
      "  jobs: { type: queue }",
      "budgets:",
      "  dev: { monthly: 50 }",
      "  prod: { monthly: 50, maxIncreasePercent: 10 }",
      "usage:",
      "  aws_sqs_queue.jobs: { monthly_requests: 10000000 }",
      extra,
    ].join("\n"),
  );
  return dir;
}

describe("plinth cost", () => {
  it("prints the JSON the schema describes, with the snapshot date and usage from plinth.yaml", async () => {
    const dir = project();
    const result = await runCli(["cost", "--json", "--env", "dev"], { cwd: dir });
    assert.equal(result.code, 0, result.stderr);
    const json = JSON.parse(result.stdout);
    assertMatchesCliSchema("cost.schema.json", json);
    assert.equal(json.asOf, "2026-11-27");
    assert.equal(json.currency, "USD");
    const web = json.resources.find((r: { address: string }) => r.address === "aws_instance.web");
    // t3.small $0.0208 × 730 = $15.184; root gp3 20 GB × $0.08 = $1.60
    assert.equal(web.monthlyCost, 16.784);
    const sqs = json.resources.find((r: { address: string }) => r.address === "aws_sqs_queue.jobs");
    assert.equal(sqs.monthlyCost, 4); // 10M × $0.40 per 1M
    assert.ok(json.free.some((f: { type: string }) => f.type === "aws_vpc"));
  });

  it("prints a table with the prices' date, no colours without a terminal", async () => {
    const result = await runCli(["cost", "--env", "dev"], { cwd: project() });
    assert.equal(result.code, 0, result.stderr);
    assert.match(
      result.stdout,
      /Instance usage \(Linux, on-demand, t3\.small\)\s+730 hours\s+\$0\.0208 per hour\s+\$15\.18/,
    );
    assert.match(result.stdout, /as of 2026-11-27 \(snapshot\)/);
    assert.ok(!result.stdout.includes("\u001b["), "no ANSI colour codes");
  });

  it("exits 2 with --check when the budget is exceeded, 0 when within it", async () => {
    const dir = project();
    const over = await runCli(["cost", "--env", "prod", "--check", "--compare-to", "plinth.yaml"], {
      cwd: dir,
    });
    // prod: m6i.large $0.096 × 730 = $70.08 + $1.60 disk + $4 queue > $50
    assert.equal(over.code, 2, over.stderr);
    assert.match(over.stderr, /over the budget of \$50\.00/);
    const within = await runCli(["cost", "--env", "dev", "--check", "--json"], { cwd: dir });
    assert.equal(within.code, 0, within.stderr);
    assert.equal(JSON.parse(within.stdout).budget.ok, true);
  });

  it("compares with another version: per resource +$…/mo in markdown", async () => {
    const dir = project();
    const result = await runCli(["cost", "--env", "prod", "--compare-to", "old", "--format", "markdown"], {
      cwd: dir,
      env: {},
    }).catch(() => undefined);
    assert.ok(result);
    // `old` does not exist: one clear sentence
    assert.equal(result.code, 1);
    assert.match(result.stderr, /Nothing to read at old/);
    mkdirSync(join(dir, "old"));
    writeFileSync(
      join(dir, "old", "plinth.yaml"),
      "apiVersion: plinth/v1\napp: shop\ncloud: aws\nenvironments:\n  prod: {}\ncomponents:\n  net: { type: network, cidr: 10.20.0.0/16 }\n  web: { type: vm, size: small, network: '${net}' }\n",
    );
    const diff = await runCli(["cost", "--env", "prod", "--compare-to", "old", "--format", "markdown"], {
      cwd: dir,
    });
    assert.equal(diff.code, 0, diff.stderr);
    // t3.small → m6i.large: (0.096 − 0.0208) × 730 = +$54.90; the queue is new: +$4.00
    assert.match(diff.stdout, /`aws_instance\.web` \(changed\) \| \+\$54\.90\/mo/);
    assert.match(diff.stdout, /`aws_sqs_queue\.jobs` \(added\) \| \+\$4\.00\/mo/);
  });

  it("reads an Infracost usage file with --usage and reports a bad one at its line", async () => {
    const dir = project();
    writeFileSync(
      join(dir, "usage.yml"),
      "version: 0.1\nresource_usage:\n  aws_sqs_queue.jobs:\n    monthly_requests: 20000000\n",
    );
    const good = await runCli(["cost", "--env", "dev", "--json", "--usage", "usage.yml"], { cwd: dir });
    assert.equal(JSON.parse(good.stdout).usageMonthlyCost, 8);
    writeFileSync(
      join(dir, "bad.yml"),
      "version: 0.1\nresource_usage:\n  aws_sqs_queue.jobs:\n    monthly_requests: [1, 2]\n",
    );
    const bad = await runCli(["cost", "--env", "dev", "--usage", "bad.yml"], { cwd: dir });
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /^error: bad\.yml:4:\d+: Usage `monthly_requests` must be/);
    assert.doesNotMatch(bad.stderr, /at .*\.ts:/);
  });

  it("refuses what it cannot read, each in one sentence", async () => {
    const dir = project();
    writeFileSync(join(dir, "main.tf.json"), '{"resource": {},}\n');
    const cases: Array<[string[], RegExp]> = [
      [["cost", "main.tf.json"], /^error: main\.tf\.json:1:17: This is not valid JSON: unexpected `}`/],
      [["cost", "--currency", "EUR"], /needs exchange rates/],
      [["cost", "--format", "pdf"], /--format must be one of/],
      [["cost", "--prices", "cheap"], /--prices must be offline or live/],
      [["cost", "--rates", "nope.json", "--currency", "EUR"], /No rates file at nope\.json/],
      [
        ["cost", "--compare-to", "v3"],
        /shop\/dev has no version 3 in local .*\.plinth\. See the versions with `plinth history`\./,
      ],
      [["cost", "--compare-to", "applied"], /shop\/dev has no applied version in local /],
    ];
    for (const [args, pattern] of cases) {
      const result = await runCli(args, { cwd: dir });
      assert.equal(result.code, 1, args.join(" "));
      assert.match(result.stderr, pattern);
      assert.equal(result.stderr.trim().split("\n").length, 1, result.stderr);
    }
  });

  it("compares with a version in the state store: applied (the newest) or by number", async () => {
    const dir = project();
    // Version 1 of dev as apply would have written it from the spec as it was (size small): its
    // plan holds the graph. Planning calls no cloud; the handlers are only needed for their types.
    const doc = readSpecFile(join(dir, "plinth.yaml"));
    const { graph } = buildGraph(doc, { env: "dev" });
    await commitPlannedVersion(new LocalFileStore(join(dir, ".plinth")), graph);
    writeFileSync(
      join(dir, "plinth.yaml"),
      readFileSync(join(dir, "plinth.yaml"), "utf8").replace("size: small", "size: large"),
    );
    for (const which of ["applied", "1", "v1"]) {
      const result = await runCli(["cost", "--env", "dev", "--compare-to", which, "--json"], { cwd: dir });
      assert.equal(result.code, 0, result.stderr);
      const { diff } = JSON.parse(result.stdout);
      const web = diff.resources.find((r: { address: string }) => r.address === "aws_instance.web");
      assert.equal(web.change, "changed", which);
      assert.ok(web.delta > 0 && diff.delta === web.delta, which);
    }
    const budget = await runCli(["cost", "--env", "dev", "--compare-to", "applied", "--check"], { cwd: dir });
    assert.equal(budget.code, 2, "the large instance is over the $50 cap");
  });

  it("prices existing Terraform: region from the provider, for_each instances by address", async () => {
    const dir = project();
    mkdirSync(join(dir, "tf"));
    writeFileSync(
      join(dir, "tf", "main.tf"),
      'provider "aws" {\n  region = "eu-west-1"\n}\nresource "aws_instance" "web" {\n  for_each      = toset(["a", "b"])\n  ami           = "ami-1"\n  instance_type = "m5.large"\n}\n',
    );
    const result = await runCli(["cost", "tf", "--json"], { cwd: dir });
    assert.equal(result.code, 0, result.stderr);
    const report = JSON.parse(result.stdout);
    const web = report.resources.filter((r: { address: string }) => r.address.startsWith("aws_instance.web"));
    assert.deepEqual(
      web.map((r: { address: string; region: string }) => [r.address, r.region]),
      [
        ['aws_instance.web["a"]', "eu-west-1"],
        ['aws_instance.web["b"]', "eu-west-1"],
      ],
    );
    const hours = web[0].components.find((c: { name: string }) => /Instance usage/.test(c.name));
    // m5.large in eu-west-1 is $0.107 an hour in the snapshot: 730 h × 0.107 = 78.11.
    assert.equal(hours.unitPrice, 0.107);
    assert.equal(hours.monthlyCost, 78.11);
  });

  it("prices existing Terraform after its override files, and points its warnings at the override's lines", async () => {
    const dir = project();
    mkdirSync(join(dir, "tf"));
    writeFileSync(
      join(dir, "tf", "main.tf"),
      'resource "aws_instance" "web" {\n  ami           = "ami-1"\n  instance_type = "t3.micro"\n}\n',
    );
    writeFileSync(
      join(dir, "tf", "web_override.tf.json"),
      '{\n  "resource": {\n    "aws_instance": {\n      "web": { "instance_type": "m5.large" },\n      "gone": { "instance_type": "m5.large" }\n    }\n  }\n}\n',
    );
    const result = await runCli(["cost", "tf", "--json"], { cwd: dir });
    assert.equal(result.code, 0, result.stderr);
    const web = JSON.parse(result.stdout).resources.find(
      (r: { address: string }) => r.address === "aws_instance.web",
    );
    const hours = web.components.find((c: { name: string }) => /Instance usage/.test(c.name));
    // m5.large in us-east-1 is $0.096 an hour in the snapshot: 730 h × 0.096 = 70.08.
    assert.equal(hours.monthlyCost, 70.08);
    assert.match(
      result.stderr,
      /tf\/web_override\.tf\.json:5:7: .*There is no resource `aws_instance\.gone` to merge this override into/,
    );
  });

  it("converts to another currency with a rates file", async () => {
    const dir = project();
    writeFileSync(
      join(dir, "rates.json"),
      JSON.stringify({ base: "USD", asOf: "2026-11-27", rates: { EUR: 0.5 } }),
    );
    const usd = JSON.parse((await runCli(["cost", "--env", "dev", "--json"], { cwd: dir })).stdout);
    const eur = JSON.parse(
      (
        await runCli(["cost", "--env", "dev", "--json", "--currency", "EUR", "--rates", "rates.json"], {
          cwd: dir,
        })
      ).stdout,
    );
    assert.equal(eur.currency, "EUR");
    assert.equal(eur.totalMonthlyCost, Math.round(usd.totalMonthlyCost * 0.5 * 1e6) / 1e6);
  });

  it("refuses a budget for an environment the spec does not have, at its line", async () => {
    const dir = project("  staging_typo: {}\n");
    writeFileSync(
      join(dir, "plinth.yaml"),
      `${(await import("node:fs")).readFileSync(join(dir, "plinth.yaml"), "utf8").replace("budgets:\n", "budgets:\n  stagin: { monthly: 5 }\n")}`,
    );
    const result = await runCli(["cost", "--env", "dev", "--check"], { cwd: dir });
    assert.equal(result.code, 1);
    assert.match(result.stderr, /plinth\.yaml:\d+:\d+: The budget `stagin` names no environment/);
  });
});

describe("cost renderers", () => {
  it("escape hostile addresses in Markdown and HTML", async () => {
    const address = 'aws_eip.x["<script>alert(1)</script>|`${x}`"]';
    const report = await price("aws", "us-east-1", [node(address, {}, { type: "aws_eip", name: "x" })]);
    const html = renderHtml(report, { title: "<b>t</b>" });
    assert.doesNotMatch(html, /<script>/);
    assert.match(html, /&#60;script&#62;/);
    // In Markdown the address stays literal text inside a code span (never HTML); its pipe cannot end the cell.
    const row = renderMarkdown(report)
      .split("\n")
      .find((l) => l.includes("aws_eip.x"));
    assert.ok(row?.startsWith("| `` aws_eip.x"), row);
    assert.equal(row?.split(/(?<!\\)\|/).length, 4, row);
  });
});
