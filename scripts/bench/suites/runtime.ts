import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { StateMachine } from "aws-local-stepfunctions";
import { WORKFLOWS_DIR } from "../../../functions/local.ts";
import { StoreRunStore } from "../../../src/runtime/run-records.ts";
import { bindWorkflow } from "../../../src/runtime/workflow-definition.ts";
import { WorkflowRunner } from "../../../src/runtime/workflow-runner.ts";
import { LocalFileStore } from "../../../src/state/local-file-store.ts";
import { type BenchRow, type BenchSuite, median } from "../measure.ts";

const STEPS = 200;
const RUNS = 15;

/** A chain of STEPS Task states, each calling a handler that returns its input. */
function chain(): object {
  const states: Record<string, object> = {};
  for (let i = 0; i < STEPS; i++)
    states[`Step${i}`] = {
      Type: "Task",
      Resource: "${function:echo}",
      ResultPath: "$.last",
      ...(i === STEPS - 1 ? { End: true } : { Next: `Step${i + 1}` }),
    };
  return { StartAt: "Step0", States: states };
}

/** A Map of 1,000 items over a local task, MaxConcurrency 10. */
function fanOut(): object {
  return {
    StartAt: "Each",
    States: {
      Each: {
        Type: "Map",
        ItemsPath: "$.items",
        MaxConcurrency: 10,
        ItemProcessor: {
          StartAt: "Work",
          States: { Work: { Type: "Task", Resource: "${function:echo}", End: true } },
        },
        End: true,
      },
    },
  };
}

/**
 * The embedded runner's overhead per workflow step (target < 2 ms): plinth's runner (run record,
 * step history, bindings) against aws-local-stepfunctions alone on the same definition, in one run.
 */
export const runtime: BenchSuite = {
  title: "Embedded workflow runner (overhead per step; target < 2 ms)",
  run: async () => {
    const dir = mkdtempSync(join(tmpdir(), "plinth-bench-runtime-"));
    writeFileSync(join(dir, "chain.asl.json"), JSON.stringify(chain()));
    writeFileSync(join(dir, "fan-out.asl.json"), JSON.stringify(fanOut()));
    const echo = async (input: unknown) => input;
    const runner = new WorkflowRunner({
      workflowsDir: dir,
      handlers: { echo },
      runs: new StoreRunStore(new LocalFileStore(join(dir, ".plinth"))),
    });
    const rows: BenchRow[] = [];

    const library = new StateMachine(chain() as never);
    const overrides = Object.fromEntries(Array.from({ length: STEPS }, (_, i) => [`Step${i}`, echo]));
    const runLibrary = () =>
      library.run({ n: 1 } as never, { overrides: { taskResourceLocalHandlers: overrides as never } }).result;
    let n = 0;
    const runPlinth = () => runner.run("chain", { n: 1 }, `chain-${n++}`);
    // Both warmed up before either is timed, so neither pays the other's JIT compilation.
    for (let i = 0; i < 10; i++) await Promise.all([runLibrary(), runPlinth()]);
    const libraryMs = await timeRuns(runLibrary);
    rows.push({
      name: `aws-local-stepfunctions alone, ${STEPS} steps`,
      ms: libraryMs,
      note: `${(libraryMs / STEPS).toFixed(3)} ms/step (baseline)`,
    });

    const plinthMs = await timeRuns(runPlinth);
    const perStep = plinthMs / STEPS;
    rows.push({
      name: `plinth runner, ${STEPS} steps (run record, history)`,
      ms: plinthMs,
      note: `${perStep.toFixed(3)} ms/step, +${((plinthMs - libraryMs) / STEPS).toFixed(3)} over the library: ${perStep < 2 ? "met" : "MISSED"}`,
    });

    rows.push(...(await deployWorkflow(dir)));

    const items = Array.from({ length: 1000 }, (_, i) => i);
    const mapMs = await timeRuns(() => runner.run("fan-out", { items }, `fan-out-${n++}`));
    rows.push({
      name: "plinth runner, Map of 1,000 items (MaxConcurrency 10)",
      ms: mapMs,
      note: `${(mapMs / 1000).toFixed(3)} ms/item`,
    });
    return rows;
  },
};

async function timeRuns(run: () => Promise<unknown>): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

/** What each deploy step answers, enough for the gates and choices to take the path to the end. */
const DEPLOY_ANSWERS: Record<string, unknown> = {
  "write-audit": { id: "a" },
  codegen: { graph: {}, environment: {} },
  "policy-check": { passed: true },
  "cost-estimate": { withinBudget: true },
  plan: { changes: 1, requiresApproval: false, summary: "1 to add" },
  checkpoint: { version: 0 },
  apply: { version: 1 },
  verify: { verified: true },
};

/**
 * workflows/deploy.asl.json, its tasks answering at once: the runner's overhead per step on the real
 * deploy path (run record created and finished in the local file store, step history, bindings),
 * against aws-local-stepfunctions alone on the same definition, in one run.
 */
async function deployWorkflow(dir: string): Promise<BenchRow[]> {
  const definition = JSON.parse(readFileSync(join(WORKFLOWS_DIR, "deploy.asl.json"), "utf8")) as {
    States: Record<string, { Type: string; Resource?: string }>;
  };
  const bound = bindWorkflow("deploy", "deploy.asl.json", definition as never);
  const handlers = Object.fromEntries(
    [...new Set([...bound.tasks.values()].flatMap((b) => (b.kind === "put-events" ? [] : [b.handler])))].map(
      (name) => [name, async () => DEPLOY_ANSWERS[name] ?? {}],
    ),
  );
  const runner = new WorkflowRunner({
    workflowsDir: WORKFLOWS_DIR,
    handlers,
    runs: new StoreRunStore(new LocalFileStore(join(dir, "deploy"))),
    publisher: { publish: async () => "event" },
  });
  const library = new StateMachine(definition as never);
  const overrides = Object.fromEntries(
    [...bound.tasks].map(([state, binding]) => [
      state,
      async () => (binding.kind === "function" ? (DEPLOY_ANSWERS[binding.handler] ?? {}) : {}),
    ]),
  );
  const event = { id: "e", detail: { app: "shop", env: "dev", principal: "ci" } };
  let n = 0;
  const runLibrary = () =>
    library.run(event as never, {
      overrides: { taskResourceLocalHandlers: overrides as never },
      context: { Execution: { Name: `lib-${n++}` } } as never,
    }).result;
  const runPlinth = async () => {
    const run = await runner.run("deploy", event, `deploy-${n++}`);
    if (run.status !== "SUCCEEDED") throw new Error(`the bench's deploy run ended ${run.status}`);
    return run;
  };
  for (let i = 0; i < 10; i++) await Promise.all([runLibrary(), runPlinth()]);
  const steps = (await runPlinth()).steps.length;
  const libraryMs = await timeRuns(runLibrary);
  const plinthMs = await timeRuns(runPlinth);
  const overhead = (plinthMs - libraryMs) / steps;
  return [
    {
      name: `deploy workflow, aws-local-stepfunctions alone (${steps} steps)`,
      ms: libraryMs,
      note: `${(libraryMs / steps).toFixed(3)} ms/step (baseline)`,
    },
    {
      name: `deploy workflow, plinth runner (${steps} steps, run record in .plinth)`,
      ms: plinthMs,
      note: `+${overhead.toFixed(3)} ms/step over the library: ${overhead < 2 ? "met" : "MISSED"}`,
    },
  ];
}
