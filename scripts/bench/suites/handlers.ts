import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build, type Metafile } from "esbuild";
import { HANDLERS } from "../../../stacks/handlers.ts";
import { type BenchRow, type BenchSuite, median, percentile } from "../measure.ts";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const out = join(root, ".bench", "handlers");
const KB = 1024;

/**
 * Every Lambda handler bundled as SST bundles it (esbuild, ESM with `module` before `main`, node24,
 * minified, names kept, code splitting as stacks/ turns it on, the AWS SDK included): the bytes a
 * cold start loads (the entry and the chunks it imports statically; target < 1 MB), the bytes loaded
 * only when an invocation needs them (the AWS clients of resource types, the bus, S3 for large state
 * items), and the cold import: what `import()` of the entry costs in a fresh Node 24 process, as in
 * Lambda's init phase (target < 150 ms). CPU time is the headline; wall time on a shared machine
 * mostly measures the other processes.
 */
export const handlers: BenchSuite = {
  title: "Lambda handler bundles (loaded at cold start < 1 MB, cold import < 150 ms)",
  run: async () => {
    rmSync(out, { recursive: true, force: true });
    const rows: BenchRow[] = [];
    for (const { name } of HANDLERS) {
      const outdir = join(out, name);
      mkdirSync(outdir, { recursive: true });
      const { metafile } = await build({
        entryPoints: { index: join(root, "functions", `${name}.ts`) },
        outdir,
        outExtension: { ".js": ".mjs" },
        splitting: true,
        bundle: true,
        format: "esm",
        platform: "node",
        target: "node24",
        mainFields: ["module", "main"],
        minify: true,
        keepNames: true,
        legalComments: "none",
        metafile: true,
        // As SST does for ESM: CommonJS dependencies inside the bundle still call require().
        banner: { js: "import{createRequire as __cr}from'module';const require=__cr(import.meta.url);" },
        logLevel: "error",
      });
      const { atStart, later } = loaded(metafile);
      const samples = coldImports(join(outdir, "index.mjs"), 10);
      const cpu = median(samples.map((s) => s.cpu));
      const wall = median(samples.map((s) => s.wall));
      rows.push({
        name: `${name}: ${(atStart / KB).toFixed(0)} KB at start, import CPU`,
        ms: cpu,
        p95: percentile(
          samples.map((s) => s.cpu),
          95,
        ),
        note: `wall ${wall.toFixed(0)} ms; +${(later / KB).toFixed(0)} KB on demand; size ${atStart < 1024 * KB ? "met" : "MISSED"}, cold import ${cpu < 150 ? "met" : "MISSED"}`,
      });
    }
    return rows;
  },
};

/** Bytes of the entry and its static imports, and of every chunk only a dynamic import reaches. */
function loaded(metafile: Metafile): { atStart: number; later: number } {
  const outputs = metafile.outputs;
  const files = Object.keys(outputs).filter((f) => f.endsWith(".mjs"));
  const entry = files.find((f) => f.endsWith("/index.mjs")) as string;
  const start = new Set<string>();
  const visit = (file: string) => {
    if (start.has(file)) return;
    start.add(file);
    for (const i of outputs[file]?.imports ?? [])
      if (i.kind === "import-statement" && outputs[i.path]) visit(i.path);
  };
  visit(entry);
  const bytes = (list: string[]) => list.reduce((n, f) => n + (outputs[f]?.bytes ?? 0), 0);
  return { atStart: bytes([...start]), later: bytes(files.filter((f) => !start.has(f))) };
}

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
