import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readInfrastructure } from "../../../src/ingest/read-infrastructure.ts";
import { callFunction } from "../../../src/ingest/terraform/functions/index.ts";
import { type BenchRow, type BenchSuite, median, timeIt } from "../measure.ts";
import { terraformDirectory } from "./ingest.ts";

const NO_FILES = {
  readFile: () => "",
  fileExists: () => false,
  renderTemplate: () => null,
};

/**
 * The ingest suite's 500 resources, with one override file per main file (HCL and JSON alternately)
 * whose values cost what the originals cost to evaluate, so the difference is the merging.
 */
function overriddenDirectory(): string {
  const dir = terraformDirectory();
  for (let f = 0; f < 10; f++) {
    if (f % 2 === 0) {
      let text = `resource "aws_instance" "web${f}" {\n  instance_type = "m5.large"\n}\n\n`;
      for (let b = 0; b < 12; b++)
        text += `resource "aws_s3_bucket_versioning" "b${f}_${b}" {\n  versioning_configuration {\n    status = var.env == "prod" ? "Enabled" : "Off"\n  }\n}\n\n`;
      writeFileSync(join(dir, `main${f}_override.tf`), text);
    } else {
      const buckets = Object.fromEntries(
        Array.from({ length: 12 }, (_, b) => [
          `b${f}_${b}`,
          { tags: `\${merge(local.tags, { Name = "b${f}_${b}", overridden = "yes" })}` },
        ]),
      );
      writeFileSync(
        join(dir, `main${f}_override.tf.json`),
        JSON.stringify({ resource: { aws_s3_bucket: buckets } }),
      );
    }
  }
  return dir;
}

const TIMESTAMPS = Array.from(
  { length: 10_000 },
  (_, i) =>
    `20${String(10 + (i % 15))}-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}T${String(i % 24).padStart(2, "0")}:12:01-08:00`,
);
const SPEC = "EEE, DD MMM YYYY hh:mm:ss ZZZ '(week day)' EEEE";

/**
 * Override files on the ingest suite's 500-resource directory (merging costs next to nothing beside
 * reading), and formatdate() on 10,000 timestamps against `terraform console` evaluating the same calls.
 */
export const terraformOverride: BenchSuite = {
  title: "Terraform override files and formatdate() (in-process; baseline terraform console)",
  run: () => {
    const rows: BenchRow[] = [];
    const plain = terraformDirectory();
    const overridden = overriddenDirectory();
    const read = (dir: string) => readInfrastructure(dir).graphs[0]?.nodes.length ?? 0;
    if (read(plain) !== read(overridden)) throw new Error("the override files changed the resources read");
    // Both warmed up before either is timed, so neither pays for the other's compilation.
    for (let i = 0; i < 5; i++) [plain, overridden].forEach(read);
    rows.push({
      name: `${read(plain)} resources: read + evaluate`,
      ms: median(timeIt(() => read(plain), 20)),
    });
    rows.push({
      name: "the same with 10 override files (125 blocks merged): read + evaluate",
      ms: median(timeIt(() => read(overridden), 20)),
      note: "the merging is the difference from the row above (within noise)",
    });
    rows.push({
      name: `formatdate() × ${TIMESTAMPS.length}`,
      ms: median(
        timeIt(() => {
          for (const t of TIMESTAMPS) callFunction("formatdate", [SPEC, t], NO_FILES);
        }, 10),
      ),
    });
    const console = mkdtempSync(join(tmpdir(), "plinth-bench-console-"));
    const input = `${TIMESTAMPS.map((t) => `formatdate("${SPEC}", "${t}")`).join("\n")}\n`;
    try {
      const run = () =>
        execFileSync("terraform", ["console"], {
          cwd: console,
          input,
          stdio: ["pipe", "ignore", "ignore"],
          env: { ...process.env, CHECKPOINT_DISABLE: "1" },
        });
      rows.push({
        name: "  baseline: terraform console, the same calls",
        ms: median(timeIt(run, 3, 1)),
        note: "one process; includes its start (~0.1 s)",
      });
    } catch {
      rows.push({ name: "  baseline: terraform console", ms: Number.NaN, note: "terraform not installed" });
    }
    return rows;
  },
};
