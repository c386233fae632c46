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
 * included), its size (target < 1 MB) and its cold import: the time `import()` of the bundle takes in a
 * fresh Node 24 process, as Lambda's init phase would (target < 150 ms).
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
      const cold = median(samples);
      rows.push({
        name: `${name}: ${(bytes / 1024).toFixed(0)} KB`,
        ms: cold,
        p95: percentile(samples, 95),
        note: `size ${bytes < 1024 * 1024 ? "met" : "MISSED"}, cold import ${cold < 150 ? "met" : "MISSED"}`,
      });
    }
    return rows;
  },
};

/** Milliseconds `import()` of a file takes in each of `runs` fresh processes (after one untimed run). */
function coldImports(file: string, runs: number): number[] {
  const script = `const t = performance.now(); await import(${JSON.stringify(file)}); console.log(performance.now() - t);`;
  const once = () =>
    Number(
      execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" }).trim(),
    );
  once();
  return Array.from({ length: runs }, once);
}
