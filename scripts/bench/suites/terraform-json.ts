import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse as hclToJson } from "@cdktf/hcl2json";
import { readInfrastructure } from "../../../src/ingest/read-infrastructure.ts";
import { parseJsonSyntax } from "../../../src/ingest/terraform/hcl/parse-json-syntax.ts";
import { type BenchRow, type BenchSuite, median, timeIt } from "../measure.ts";
import { terraformDirectory } from "./ingest.ts";

/** 100 roles whose policies are built with aws_iam_policy_document, or with jsonencode for comparison. */
function policyDocuments(withDataSource: boolean): string {
  const dir = terraformDirectory();
  let text = "";
  for (let i = 0; i < 100; i++) {
    const document = withDataSource
      ? `data.aws_iam_policy_document.p${i}.json`
      : `jsonencode({ Version = "2012-10-17", Statement = [{ Sid = "Read", Effect = "Allow", Action = ["s3:GetObject", "s3:ListBucket"], Resource = ["arn:aws:s3:::b${i}", "arn:aws:s3:::b${i}/*"], Principal = { Service = "ec2.amazonaws.com" }, Condition = { Bool = { "aws:SecureTransport" = "true" } } }] })`;
    if (withDataSource) {
      text += `data "aws_iam_policy_document" "p${i}" {\n  statement {\n    sid       = "Read"\n    actions   = ["s3:GetObject", "s3:ListBucket"]\n    resources = ["arn:aws:s3:::b${i}", "arn:aws:s3:::b${i}/*"]\n    principals {\n      type        = "Service"\n      identifiers = ["ec2.amazonaws.com"]\n    }\n    condition {\n      test     = "Bool"\n      variable = "aws:SecureTransport"\n      values   = ["true"]\n    }\n  }\n}\n\n`;
    }
    text += `resource "aws_iam_policy" "p${i}" {\n  policy = ${document}\n}\n\n`;
  }
  writeFileSync(join(dir, "policies.tf"), text);
  return dir;
}

/**
 * Terraform's JSON syntax against its HCL syntax on the same 500-resource directory (converted by
 * hcl2json, HashiCorp's HCL parser compiled to WebAssembly), with JSON.parse and hcl2json as baselines
 * for the parsing alone; and policies built with aws_iam_policy_document against jsonencode.
 */
export const terraformJson: BenchSuite = {
  title: "Terraform JSON syntax and aws_iam_policy_document (in-process; same resources as the ingest suite)",
  run: async () => {
    const rows: BenchRow[] = [];
    const hclDir = terraformDirectory();
    const jsonDir = terraformDirectory();
    const hclFiles = readdirSync(hclDir).filter((n) => n.endsWith(".tf"));
    for (const name of hclFiles) {
      const path = join(jsonDir, name);
      const converted = await hclToJson(path, readFileSync(path, "utf8"));
      writeFileSync(`${path}.json`, JSON.stringify(converted, null, 2));
      rmSync(path);
    }
    const read = (dir: string) => readInfrastructure(dir).graphs[0]?.nodes.length ?? 0;
    const resources = read(hclDir);
    if (read(jsonDir) !== resources)
      throw new Error("the .tf.json directory reads differently from the .tf one");
    rows.push({
      name: `${resources} resources in .tf: read + evaluate`,
      ms: median(timeIt(() => read(hclDir), 10)),
    });
    rows.push({
      name: "the same in .tf.json: read + evaluate",
      ms: median(timeIt(() => read(jsonDir), 10)),
    });
    const texts = hclFiles.map((name) => readFileSync(join(jsonDir, `${name}.json`), "utf8"));
    rows.push({
      name: `  of which JSON syntax parsing alone (${texts.length} files)`,
      ms: median(
        timeIt(() => {
          for (const [i, t] of texts.entries()) parseJsonSyntax(t, `f${i}.tf.json`);
        }, 20),
      ),
      note: "positions kept, strings parsed as templates",
    });
    rows.push({
      name: "  baseline: JSON.parse of the same files",
      ms: median(
        timeIt(() => {
          for (const t of texts) JSON.parse(t);
        }, 20),
      ),
      note: "V8's parser, no positions, strings left unparsed",
    });
    const sources = hclFiles.map(
      (name) => [join(hclDir, name), readFileSync(join(hclDir, name), "utf8")] as const,
    );
    const samples: number[] = [];
    for (let i = 0; i < 7; i++) {
      const start = performance.now();
      for (const [path, text] of sources) await hclToJson(path, text);
      samples.push(performance.now() - start);
    }
    rows.push({
      name: "  baseline: @cdktf/hcl2json of the .tf files",
      ms: median(samples.slice(2)),
      note: "HashiCorp's HCL parser (WebAssembly), no evaluation",
    });
    const documents = policyDocuments(true);
    const encoded = policyDocuments(false);
    rows.push({
      name: "+ 100 policies from aws_iam_policy_document: read + evaluate",
      ms: median(timeIt(() => read(documents), 10)),
    });
    rows.push({
      name: "  baseline: the same policies written with jsonencode",
      ms: median(timeIt(() => read(encoded), 10)),
    });
    return rows;
  },
};
