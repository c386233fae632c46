import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { awsHandlers } from "../../../src/catalog/aws/crud.ts";
import { applyPlan } from "../../../src/engine/apply.ts";
import { createPlan } from "../../../src/engine/plan.ts";
import { plinthNull } from "../../../src/engine/plinth-null.ts";
import type { HandlerRegistry } from "../../../src/engine/resource-handler.ts";
import { buildGraph } from "../../../src/model/build-graph.ts";
import type { ResourceGraph } from "../../../src/model/graph.ts";
import { AwsClients } from "../../../src/providers/aws/aws-clients.ts";
import { parseSpec, readSpecFile } from "../../../src/spec/load-spec.ts";
import { LocalFileStore } from "../../../src/state/local-file-store.ts";
import { loadWorkingState } from "../../../src/state/working-state.ts";
import { motoInstalled, startMotoServer } from "../../emulators/moto-server.ts";
import { type BenchRow, type BenchSuite, median } from "../measure.ts";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const PLINTH = join(root, "bin/plinth.js");
const N = Number(process.env.PLINTH_BENCH_RESOURCES ?? 1000);
const ACTOR = { principal: "bench", trigger: "bench" };

type Shape = "independent" | "chain";

/**
 * plinth_null against Terraform's terraform_data (the binary on this machine, local state), 1,000
 * independent resources and a 1,000-long chain, plan and apply, each as a user runs it (a fresh
 * process); then apply on the moto server: examples/shop, and 200 buckets at parallelism 1 and 10.
 */
export const engine: BenchSuite = {
  title: `Provisioning engine (${N} resources; Terraform ${terraformVersion()} side by side)`,
  run: async () => {
    const rows: BenchRow[] = [];
    for (const shape of ["independent", "chain"] as const) rows.push(...(await compare(shape)));
    rows.push(...stateGrowth());
    if (motoInstalled()) rows.push(...(await onMoto()));
    else rows.push({ name: "moto: not installed (pip install 'moto[server]'), AWS figures skipped", ms: 0 });
    return rows;
  },
};

async function compare(shape: Shape): Promise<BenchRow[]> {
  const tf = terraformRun(shape, N);
  const dir = mkdtempSync(join(tmpdir(), `plinth-bench-${shape}-`));
  writeFileSync(join(dir, "plinth.yaml"), nullSpec(shape, N));
  // One untimed run first (Node's compile cache), then the median of 3, each apply from empty state.
  timeProcess(process.execPath, [PLINTH, "plan"], dir);
  const plan = median([1, 2, 3].map(() => timeProcess(process.execPath, [PLINTH, "plan"], dir)));
  const apply = median(
    [1, 2, 3].map(() => {
      rmSync(join(dir, ".plinth"), { recursive: true, force: true });
      return timeProcess(process.execPath, [PLINTH, "apply", "--auto-approve"], dir);
    }),
  );
  const size = latestVersionBytes(join(dir, ".plinth"));
  const inProcess = await engineInProcess(nullSpec(shape, N));
  const vs = (ours: number, theirs: number) =>
    `Terraform ${fmt(theirs)} → ${(theirs / ours).toFixed(1)}× (target ≥ 20×: ${theirs / ours >= 20 ? "met" : "MISSED"})`;
  return [
    { name: `${shape}: plinth plan (CLI process)`, ms: plan, note: vs(plan, tf.plan) },
    { name: `${shape}: plinth apply (CLI process)`, ms: apply, note: vs(apply, tf.apply) },
    {
      name: `${shape}: spec → graph, in-process`,
      ms: inProcess.graph,
      note: "parse, check and lower plinth.yaml",
    },
    { name: `${shape}: engine plan, in-process`, ms: inProcess.plan, note: vs(inProcess.plan, tf.plan) },
    {
      name: `${shape}: engine apply, in-process`,
      ms: inProcess.apply,
      note: `${vs(inProcess.apply, tf.apply)}; journaled with fsync, version written`,
    },
    {
      name: `${shape}: state size`,
      ms: 0,
      note: `plinth ${kb(size)} (${Math.round(size / N)} B/resource) vs Terraform ${kb(tf.stateBytes)}`,
    },
  ];
}

/** State bytes per resource as the chain grows: linear for plinth (Terraform's grows quadratically). */
function stateGrowth(): BenchRow[] {
  const sizes = [250, 500, N].map((n) => {
    const dir = mkdtempSync(join(tmpdir(), "plinth-bench-growth-"));
    writeFileSync(join(dir, "plinth.yaml"), nullSpec("chain", n));
    execFileSync(process.execPath, [PLINTH, "apply", "--auto-approve"], { cwd: dir, stdio: "ignore" });
    return { n, bytes: latestVersionBytes(join(dir, ".plinth")) };
  });
  const tfSmall = terraformRun("chain", 250);
  return [
    {
      name: "chain state growth",
      ms: 0,
      note: `plinth ${sizes.map((s) => `${s.n}: ${Math.round(s.bytes / s.n)} B/res`).join(", ")}; Terraform 250: ${Math.round(tfSmall.stateBytes / 250)} B/res`,
    },
  ];
}

/** The median of 3 runs of each step, in this process (no Node start-up, modules warm). */
async function engineInProcess(yaml: string): Promise<{ graph: number; plan: number; apply: number }> {
  const handlers: HandlerRegistry = new Map([[plinthNull.type, plinthNull]]);
  const runs: Array<{ graph: number; plan: number; apply: number }> = [];
  for (let i = 0; i < 3; i++) {
    const store = new LocalFileStore(join(mkdtempSync(join(tmpdir(), "plinth-bench-engine-")), ".plinth"));
    const started = performance.now();
    const { graph } = buildGraph(parseSpec(yaml, "plinth.yaml"));
    const built = performance.now();
    const plan = await createPlan({ graph, working: await loadWorkingState(store, key(graph)), handlers });
    const planned = performance.now();
    await applyPlan({ plan, store, handlers, actor: ACTOR });
    runs.push({ graph: built - started, plan: planned - built, apply: performance.now() - planned });
  }
  return {
    graph: median(runs.map((r) => r.graph)),
    plan: median(runs.map((r) => r.plan)),
    apply: median(runs.map((r) => r.apply)),
  };
}

async function onMoto(): Promise<BenchRow[]> {
  const moto = await startMotoServer();
  try {
    const rows: BenchRow[] = [];
    const shop = buildGraph(readSpecFile(join(root, "examples/shop/plinth.yaml")), { env: "dev" }).graph;
    const shopRun = await applyOnMoto(moto.endpoint, shop, 10);
    rows.push({
      name: `moto: apply examples/shop (${shop.nodes.length} resources, parallelism 10)`,
      ms: shopRun.ms,
      note: `${(shopRun.calls / shop.nodes.length).toFixed(1)} API calls per resource`,
    });
    const buckets = bucketGraph(200);
    const serial = await applyOnMoto(moto.endpoint, buckets, 1);
    const parallel = await applyOnMoto(moto.endpoint, { ...buckets, app: "bench-buckets-p" }, 10);
    rows.push(
      {
        name: "moto: apply 200 buckets, parallelism 1",
        ms: serial.ms,
        note: `${(serial.calls / 200).toFixed(1)} API calls per resource`,
      },
      {
        name: "moto: apply 200 buckets, parallelism 10",
        ms: parallel.ms,
        note: `${(serial.ms / parallel.ms).toFixed(1)}× faster than parallelism 1; ${(parallel.calls / 200).toFixed(1)} API calls per resource`,
      },
    );
    return rows;
  } finally {
    moto.stop();
  }
}

async function applyOnMoto(endpoint: string, graph: ResourceGraph, parallelism: number) {
  const clients = new AwsClients({
    region: "us-east-1",
    endpoint,
    credentials: { accessKeyId: "testing", secretAccessKey: "testing" },
  });
  const handlers: HandlerRegistry = new Map(
    awsHandlers({ clients, sleep: (ms) => new Promise((r) => setTimeout(r, ms)) }).map((h) => [h.type, h]),
  );
  const store = new LocalFileStore(join(mkdtempSync(join(tmpdir(), "plinth-bench-moto-")), ".plinth"));
  const plan = await createPlan({ graph, working: await loadWorkingState(store, key(graph)), handlers });
  const started = performance.now();
  const result = await applyPlan({ plan, store, handlers, actor: ACTOR, parallelism });
  const ms = performance.now() - started;
  if (result.outcome !== "succeeded")
    throw new Error(`bench apply on moto failed: ${JSON.stringify(result.results.find((r) => r.error))}`);
  clients.destroy();
  return { ms, calls: clients.calls };
}

function bucketGraph(count: number): ResourceGraph {
  return {
    app: "bench-buckets",
    env: "dev",
    cloud: "aws",
    region: "us-east-1",
    nodes: Array.from({ length: count }, (_, i) => ({
      address: `aws_s3_bucket.b${i}`,
      type: "aws_s3_bucket",
      name: `b${i}`,
      properties: { bucket: `bench-${count}-${i}-${Date.now() % 100_000}`, tags: { "plinth:app": "bench" } },
      dependsOn: [],
      sensitive: [],
    })),
    variables: [],
    outputs: [],
  };
}

function nullSpec(shape: Shape, n: number): string {
  const components = Array.from({ length: n }, (_, i) => {
    const props =
      shape === "chain" && i > 0 ? `{ index: ${i}, after: "\${r${i - 1}.id}" }` : `{ index: ${i} }`;
    return `  r${i}:\n    type: native\n    resource: plinth_null\n    properties: ${props}\n`;
  }).join("");
  return `apiVersion: plinth/v1\napp: bench\ncloud: aws\nregion: us-east-1\ncomponents:\n${components}`;
}

function terraformSource(shape: Shape, n: number): string {
  return Array.from({ length: n }, (_, i) => {
    const input = shape === "chain" && i > 0 ? `terraform_data.r${i - 1}.output` : `"v${i}"`;
    return `resource "terraform_data" "r${i}" {\n  input = ${input}\n}\n`;
  }).join("\n");
}

/** Terraform plan and apply of the same shape, from an empty state, in a scratch directory. */
function terraformRun(shape: Shape, n: number) {
  const dir = mkdtempSync(join(tmpdir(), `tf-bench-${shape}-`));
  writeFileSync(join(dir, "main.tf"), terraformSource(shape, n));
  writeFileSync(join(dir, ".terraformrc"), "");
  const env = {
    ...process.env,
    TF_CLI_CONFIG_FILE: join(dir, ".terraformrc"),
    CHECKPOINT_DISABLE: "1",
    TF_IN_AUTOMATION: "1",
  };
  execFileSync("terraform", ["init", "-input=false"], { cwd: dir, env, stdio: "ignore" });
  const plan = timeProcess("terraform", ["plan", "-input=false", "-lock=false"], dir, env);
  const apply = timeProcess("terraform", ["apply", "-input=false", "-auto-approve"], dir, env);
  const stateBytes = statSync(join(dir, "terraform.tfstate")).size;
  rmSync(dir, { recursive: true, force: true });
  return { plan, apply, stateBytes };
}

function timeProcess(
  command: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = process.env,
): number {
  const started = performance.now();
  execFileSync(command, args, { cwd, env, stdio: "ignore", maxBuffer: 1 << 30 });
  return performance.now() - started;
}

function latestVersionBytes(plinthDir: string): number {
  const versions = join(plinthDir, "state", "bench", "default", "versions");
  const latest = readdirSync(versions)
    .filter((f) => /^\d{8}\.json$/.test(f))
    .sort()
    .at(-1);
  return latest ? statSync(join(versions, latest)).size : 0;
}

function terraformVersion(): string {
  try {
    const env = { ...process.env, CHECKPOINT_DISABLE: "1", TF_CLI_CONFIG_FILE: "/dev/null" };
    return /v[\d.]+/.exec(execFileSync("terraform", ["version"], { encoding: "utf8", env }))?.[0] ?? "?";
  } catch {
    return "not installed";
  }
}

function key(graph: ResourceGraph) {
  return { app: graph.app, env: graph.env };
}

function fmt(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(0)} KB`;
}
