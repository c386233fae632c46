import { randomUUID } from "node:crypto";
import type { Command } from "commander";
import { completeEvent, type EventInput } from "../../events/envelope.ts";
import { validateEvent } from "../../events/validate-event.ts";
import { type CommonOptions, contextFor, withCommonOptions } from "../command-context.ts";
import {
  type ControlOptions,
  describeRun,
  openControlPlane,
  runJson,
  withControlOptions,
} from "../control-plane.ts";
import { EXIT } from "../exit-codes.ts";
import type { CliIO } from "../io.ts";
import { resolvePath } from "../paths.ts";
import { readJsonFile } from "../read-json-file.ts";

interface RunOptions extends CommonOptions, ControlOptions {
  input?: string;
  runId?: string;
}

/** `plinth workflow run|list`: runs a workflow embedded, lists the runs in the state directory. */
export function registerWorkflow(program: Command, io: CliIO, setExit: (code: number) => void): void {
  const workflow = program.command("workflow").description("run workflows embedded and list their runs");
  withControlOptions(withCommonOptions(workflow.command("run"), { spec: false }))
    .description("run workflows/NAME.asl.json with its input, until it ends or waits for an approval")
    .argument("<name>", "workflow: deploy, destroy, scheduled-scan…")
    .option(
      "--input <file>",
      "JSON input (default {}); an event gets its envelope completed as the bus would",
    )
    .option("--run-id <id>", "run id (default: NAME-<random>)")
    .action(async (name: string, options: RunOptions) => {
      const ctx = contextFor(io, options);
      const given = options.input ? readJsonFile(resolvePath(io, options.input)) : {};
      const input = isEventLike(given) ? completeEvent(given, { now: () => new Date() }) : given;
      if (isEventLike(given)) validateEvent(input, `The input (${options.input})`);
      const { plane, close } = await openControlPlane(ctx, options);
      try {
        const runId = options.runId ?? `${name}-${randomUUID()}`;
        const run = await plane.runner.run(name, input, runId);
        if (ctx.json) io.stdout(`${JSON.stringify(runJson(run), null, 2)}\n`);
        else io.stdout(describeRun(ctx, run, options.state));
        setExit(run.status === "FAILED" ? EXIT.error : EXIT.ok);
      } finally {
        close();
      }
    });
  withControlOptions(withCommonOptions(workflow.command("list"), { spec: false }))
    .description("list the runs in the state directory, oldest first")
    .action(async (options: RunOptions) => {
      const ctx = contextFor(io, options);
      const { plane, close } = await openControlPlane(ctx, options);
      const runs = await plane.runs.list().finally(close);
      if (ctx.json) {
        const rows = runs.map(({ runId, workflow, status, startedAt, updatedAt }) => ({
          runId,
          workflow,
          status,
          startedAt,
          updatedAt,
        }));
        io.stdout(`${JSON.stringify({ runs: rows }, null, 2)}\n`);
      } else if (runs.length === 0) io.stdout("No runs yet.\n");
      else
        for (const r of runs)
          io.stdout(`${r.startedAt}  ${r.status.padEnd(9)}  ${r.workflow.padEnd(15)}  ${r.runId}\n`);
      setExit(EXIT.ok);
    });
}

/** Workflows started by events take the event as input: an event in --input gets its envelope completed. */
function isEventLike(value: unknown): value is EventInput {
  return (
    typeof value === "object" &&
    value !== null &&
    "source" in value &&
    "detail-type" in value &&
    "detail" in value
  );
}
