import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import AjvDraft04 from "ajv-draft-04";
import type { ResourceNode } from "../../../src/model/graph.ts";
import { checkPolicy, type PolicyReport } from "../../../src/policy/check-policy.ts";
import { rollUp } from "../../../src/policy/framework-rollup.ts";
import { reportJunit } from "../../../src/policy/reporters/report-junit.ts";
import { reportMarkdown } from "../../../src/policy/reporters/report-markdown.ts";
import { reportSarif } from "../../../src/policy/reporters/report-sarif.ts";
import { reportText } from "../../../src/policy/reporters/report-text.ts";
import { graphWith, tfNode } from "../../helpers/policy-graphs.ts";

const ESC = "\u001b";

const sarifSchema = JSON.parse(
  readFileSync(new URL("../../../schemas/sarif/sarif-schema-2.1.0.json", import.meta.url), "utf8"),
);
// The schema is draft-04 (hence ajv-draft-04); its formats are checked as GitHub reads them.
const validateSarif = new AjvDraft04.default({
  allErrors: true,
  strict: false,
  formats: {
    uri: (s: string) => URL.canParse(s),
    "uri-reference": (s: string) => !/\s/.test(s) && URL.canParse(s, "file:///"),
    "date-time": (s: string) => !Number.isNaN(Date.parse(s)),
  },
}).compile(sarifSchema);

function reportOf(line = 4): PolicyReport {
  const nodes: ResourceNode[] = [
    tfNode(
      'module.data.aws_db_instance.db["eu"]',
      { storage_encrypted: false, publicly_accessible: true },
      {
        source: { file: "/repo/infra/db.tf", line, col: 1 },
      },
    ),
    tfNode(
      "aws_s3_bucket.assets",
      { bucket: "assets | <b>bold</b>" },
      { source: { file: "/repo/infra/s3.tf", line: 1, col: 1 } },
    ),
    {
      ...tfNode("aws_db_instance.legacy", {}, { source: { file: "/repo/infra/db.tf", line: 30, col: 1 } }),
      directives: [
        {
          text: 'plinth:ignore PLINTH-AWS-015 reason="old & <cold> data"',
          location: { file: "/repo/infra/db.tf", line: 29, col: 1 },
        },
      ],
    } as ResourceNode,
  ];
  return checkPolicy([{ graph: graphWith(nodes) }], {
    today: "2026-11-27",
    ruleNames: ["PLINTH-AWS-015", "PLINTH-AWS-017", "PLINTH-AWS-001"],
  });
}

describe("SARIF", () => {
  const sarif = () =>
    JSON.parse(reportSarif(reportOf(), { version: "0.1.0", root: "/repo", cwd: "/repo", input: "infra" }));

  test("is valid SARIF 2.1.0 (the OASIS schema)", () => {
    const log = sarif();
    assert.ok(validateSarif(log), JSON.stringify(validateSarif.errors, null, 2));
  });

  test("has what GitHub code scanning needs: rule help, security-severity, repo-relative paths, lines from 1", () => {
    const run = sarif().runs[0];
    const rule = run.tool.driver.rules.find((r: { id: string }) => r.id === "PLINTH-AWS-015");
    assert.match(rule.help.markdown, /storage_encrypted = true/);
    assert.equal(rule.properties["security-severity"], "8.0");
    assert.ok(rule.properties.tags.includes("CKV_AWS_16"));
    const result = run.results.find(
      (r: { ruleId: string; message: { text: string } }) =>
        r.ruleId === "PLINTH-AWS-015" && r.message.text.includes('["eu"]'),
    );
    assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, "infra/db.tf");
    assert.equal(result.locations[0].physicalLocation.region.startLine, 4);
    assert.equal(result.level, "error");
    assert.equal(run.tool.driver.rules[result.ruleIndex].id, "PLINTH-AWS-015");
  });

  test("fingerprints stay the same when the finding moves to another line", () => {
    const fingerprints = (line: number) =>
      JSON.parse(
        reportSarif(reportOf(line), { version: "0", root: "/repo", cwd: "/repo", input: "infra" }),
      ).runs[0].results.map(
        (r: { partialFingerprints: Record<string, string> }) => r.partialFingerprints["plinthFinding/v1"],
      );
    assert.deepEqual(fingerprints(4), fingerprints(40));
    assert.equal(new Set(fingerprints(4)).size, fingerprints(4).length, "one fingerprint per finding");
  });

  test("only failures are results; accepted ones carry a suppression with the reason", () => {
    const results = sarif().runs[0].results;
    assert.ok(results.every((r: { level: string }) => r.level !== "none"));
    const legacy = results.find((r: { message: { text: string } }) =>
      r.message.text.startsWith("aws_db_instance.legacy"),
    );
    assert.deepEqual(legacy.suppressions, [{ kind: "inSource", justification: "old & <cold> data" }]);
  });
});

describe("JUnit, Markdown and text", () => {
  test("JUnit: a suite per rule, failures and skips counted, XML escaped", () => {
    const xml = reportJunit(reportOf());
    assert.match(
      xml,
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="plinth policy check" tests="\d+" failures="3"/,
    );
    assert.match(
      xml,
      /<testsuite name="PLINTH-AWS-015 RDS instances are encrypted at rest" tests="2" failures="1" errors="0" skipped="1">/,
    );
    assert.match(
      xml,
      /<testcase name="module\.data\.aws_db_instance\.db\[&quot;eu&quot;\]" classname="PLINTH-AWS-015"><failure /,
    );
    assert.match(xml, /<skipped message="suppressed: old &amp; &lt;cold&gt; data"\/>/);
    assert.doesNotMatch(xml, /<cold>/);
  });

  test("Markdown: failures as a table that user text cannot break", () => {
    const md = reportMarkdown(reportOf());
    assert.match(md, /❌ \*\*3 failing finding\(s\)\*\* at or above low/);
    assert.match(
      md,
      /\| high \| PLINTH-AWS-015 \| `module\.data\.aws_db_instance\.db\["eu"\]` \| \/repo\/infra\/db\.tf:4 \| /,
    );
    assert.match(md, /<details><summary>Suppressed findings<\/summary>/);
    for (const line of md.split("\n").filter((l) => l.startsWith("| high") || l.startsWith("| critical")))
      assert.equal(line.split(/(?<!\\)\|/).length, 7, line);
  });

  test("text: Terraform-plan style blocks, the fix, and a summary; colours only when asked", () => {
    const plain = {
      bold: (t: string) => t,
      dim: (t: string) => t,
      red: (t: string) => t,
      green: (t: string) => t,
      yellow: (t: string) => t,
    };
    const text = reportText(reportOf(), plain);
    assert.match(
      text,
      /✗ module\.data\.aws_db_instance\.db\["eu"\]\n {6}\[high\] PLINTH-AWS-015 RDS instances are encrypted at rest {2}\/repo\/infra\/db\.tf:4\n {8}storage_encrypted is false/,
    );
    assert.match(text, /fix: Encrypt the instance's storage/);
    assert.match(text, /~ aws_db_instance\.legacy[\s\S]*suppressed \(inline\): old & <cold> data/);
    assert.match(
      text,
      /Policy check failed: 3 resources, 3 rules: \d+ passed, 3 failed \(1 critical, 2 high, 0 medium, 0 low\), 0 unknown, 1 suppressed\.\n$/,
    );
    assert.doesNotMatch(text, new RegExp(`${ESC}\\[`));
  });

  test("text: control characters from the checked code are shown escaped, never sent to the terminal", () => {
    const nodes = [tfNode(`aws_db_instance.db["${ESC}[2J"]`, { storage_encrypted: false })];
    const report = checkPolicy([{ graph: graphWith(nodes) }], {
      today: "2026-11-27",
      ruleNames: ["PLINTH-AWS-015"],
    });
    const plain = {
      bold: (t: string) => t,
      dim: (t: string) => t,
      red: (t: string) => t,
      green: (t: string) => t,
      yellow: (t: string) => t,
    };
    const text = reportText(report, plain);
    assert.ok(!text.includes(ESC));
    assert.match(text, /aws_db_instance\.db\["\\u001b\[2J"\]/);
  });

  test("framework roll-up: a control fails when any of its findings fails", () => {
    const report = reportOf();
    const rollup = rollUp(report.results, report.rules, "cis-aws");
    assert.deepEqual(rollup.versions, ["3.0.0"]);
    const control = rollup.controls.find((c) => c.control === "2.3.1");
    assert.deepEqual(control && [control.status, control.rules, control.fail, control.unknown], [
      "fail",
      ["PLINTH-AWS-015"],
      1,
      1,
    ]);
    assert.equal(rollup.controls.find((c) => c.control === "2.3.3")?.status, "fail");
  });
});
