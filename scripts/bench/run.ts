/**
 * `npm run bench`: plinth's performance figures, each next to its target or baseline, measured in one
 * run on this machine. Suites are listed below; `npm run bench -- NAME` runs the ones whose title
 * contains NAME.
 */
import type { BenchSuite } from "./measure.ts";
import { cliStartup } from "./suites/cli-startup.ts";
import { codegen } from "./suites/codegen.ts";
import { cost } from "./suites/cost.ts";
import { engine } from "./suites/engine.ts";
import { handlers } from "./suites/handlers.ts";
import { ingest } from "./suites/ingest.ts";
import { lowering } from "./suites/lowering.ts";
import { loweringClouds } from "./suites/lowering-clouds.ts";
import { policy } from "./suites/policy.ts";
import { runtime } from "./suites/runtime.ts";
import { terraformJson } from "./suites/terraform-json.ts";
import { terraformOverride } from "./suites/terraform-override.ts";

const SUITES: BenchSuite[] = [
  cliStartup,
  lowering,
  loweringClouds,
  ingest,
  terraformJson,
  terraformOverride,
  cost,
  policy,
  codegen,
  runtime,
  handlers,
  engine,
];

const filter = process.argv[2]?.toLowerCase();
for (const suite of SUITES.filter((s) => !filter || s.title.toLowerCase().includes(filter))) {
  console.log(`\n${suite.title}`);
  const rows = await suite.run();
  const width = Math.max(...rows.map((r) => r.name.length));
  for (const row of rows) {
    const p95 = row.p95 === undefined ? "" : `  p95 ${row.p95.toFixed(1).padStart(8)} ms`;
    const ms = Number.isNaN(row.ms) ? "       –   " : `${row.ms.toFixed(1).padStart(8)} ms`;
    console.log(`  ${row.name.padEnd(width)}  ${ms}${p95}${row.note ? `  ${row.note}` : ""}`);
  }
}
