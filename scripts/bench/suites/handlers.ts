import { execFileSync } from "node:child_process";
import { mkdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { HANDLERS } from "../../../stacks/handlers.ts";
import { type BenchRow, type BenchSuite, median, percentile } from "../measure.ts";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const out = join(root, ".bench", "handlers");

/**
 * Every Lambda handler bundled as SST bundles it (esbuild, ESM, node24, minified, the AWS SDK
 * included), its size (target < 1 MB) and its cold import: what `import()` of the bundle costs in a
 * fresh Node 24 process, as in Lambda's init phase (target < 150 ms); CPU time is the headline, since
 * wall time on a shared machine mostly measures the other processes.
 */
export const handlers: BenchSuite = {
  title: "Lambda handler bundles (size < 1 MB, cold import < 150 ms)",
  run: async () => {
    mkdirSync(out, { recursive: true });
    const rows: BenchRow[] = [];
    for (const { name } of HANDLERS) {
      const file = join(out, `${name}.mjs`);
      await build({
        entryPoints: [join(root, "functions", `${name}.ts`)],
        outfile: file,
        bundle: true,
        format: "esm",
        platform: "node",
        target: "node24",
        minify: true,
        legalComments: "none",
        // As SST does for ESM: CommonJS dependencies inside the bundle still call require().
        banner: { js: "import{createRequire as __cr}from'module';const require=__cr(import.meta.url);" },
        logLevel: "error",
      });
      const bytes = statSync(file).size;
      const samples = coldImports(file, 10);
      const cpu = median(samples.map((s) => s.cpu));
      const wall = median(samples.map((s) => s.wall));
      rows.push({
        name: `${name}: ${(bytes / 1024).toFixed(0)} KB, import CPU`,
        ms: cpu,
        p95: percentile(
          samples.map((s) => s.cpu),
          95,
        ),
        note: `wall ${wall.toFixed(0)} ms; size ${bytes < 1024 * 1024 ? "met" : "MISSED"}, cold import ${cpu < 150 ? "met" : "MISSED"}`,
      });
    }
    return rows;
  },
};

/**
 * What `import()` of a file costs in each of `runs` fresh processes (after one untimed run): CPU time,
 * which a busy machine does not inflate, and wall time.
 */
function coldImports(file: string, runs: number): Array<{ cpu: number; wall: number }> {
  const script = `const c = process.cpuUsage(); const t = performance.now(); await import(${JSON.stringify(file)});
const u = process.cpuUsage(c); console.log(JSON.stringify({ cpu: (u.user + u.system) / 1000, wall: performance.now() - t }));`;
  const once = () =>
    JSON.parse(
      execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" }),
    ) as {
      cpu: number;
      wall: number;
    };
  once();
  return Array.from({ length: runs }, once);
}
