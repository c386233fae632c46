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
 * minified, names kept, code splitting as stacks/ turns it on, the AWS SDK included): the bytes the
 * init phase loads (the entry and the chunks it imports statically; target < 1 MB) and the bytes
 * loaded on demand (the SDK clients its dependencies build on the first invocation, the bus, the
 * AWS clients of resource types when a plan has them). Cold import: what `import()` costs in a fresh
 * Node 24 process, of the entry alone (Lambda's init phase) and of the entry and every chunk it may
 * load (the worst first invocation); target < 150 ms. CPU time is the headline; wall time on a shared
 * machine mostly measures the other processes.
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
      const { atStart, later, files } = loaded(metafile);
      const entry = coldImports([join(root, files[0] as string)], 10);
      const all = coldImports(
        files.map((f) => join(root, f)),
        5,
      );
      const cpu = median(entry.map((s) => s.cpu));
      const worst = median(all.map((s) => s.cpu));
      rows.push({
        name: `${name}: ${(atStart / KB).toFixed(0)} KB at start, import CPU`,
        ms: cpu,
        p95: percentile(
          entry.map((s) => s.cpu),
          95,
        ),
        note: `wall ${median(entry.map((s) => s.wall)).toFixed(0)} ms; +${(later / KB).toFixed(0)} KB on demand, all loaded ${worst.toFixed(0)} ms CPU; size ${atStart < 1024 * KB ? "met" : "MISSED"}, cold import ${worst < 150 ? "met" : cpu < 150 ? "met (entry; all chunks MISSED)" : "MISSED"}`,
      });
    }
    return rows;
  },
};

/**
 * Bytes of the entry and its static imports, and of every chunk only a dynamic import reaches; the
 * files, entry first (paths relative to the root, as esbuild reports them).
 */
function loaded(metafile: Metafile): { atStart: number; later: number; files: string[] } {
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
  return {
    atStart: bytes([...start]),
    later: bytes(files.filter((f) => !start.has(f))),
    files: [entry, ...files.filter((f) => f !== entry)],
  };
}

/**
 * What `import()` of the files (in order) costs in each of `runs` fresh processes (after one untimed
 * run): CPU time, which a busy machine does not inflate, and wall time.
 */
function coldImports(files: string[], runs: number): Array<{ cpu: number; wall: number }> {
  const script = `const c = process.cpuUsage(); const t = performance.now(); for (const f of ${JSON.stringify(files)}) await import(f);
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
