import type { Command } from "commander";
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

interface DecisionOptions extends CommonOptions, ControlOptions {
  comment?: string;
  as?: string;
}

/**
 * `plinth approve|reject RUN_ID`: decides a run waiting for approval and continues it in this
 * process (approve: checkpoint, apply, verify, with this process's AWS credentials and --var values);
 * an apply waiting for the decision elsewhere reports the outcome from the run store.
 */
export function registerApproval(program: Command, io: CliIO, setExit: (code: number) => void): void {
  for (const approved of [true, false]) {
    withControlOptions(withCommonOptions(program.command(approved ? "approve" : "reject"), { spec: false }))
      .description(
        approved
          ? "approve a waiting run; it continues (applies) now"
          : "reject a waiting run; it fails and is recorded",
      )
      .argument("<run-id>", "the run, as `plinth workflow list` shows it")
      .option("--comment <text>", "why, for the audit trail")
      .option("--as <principal>", "who decides (default: $USER)")
      .action(async (runId: string, options: DecisionOptions) => {
        const ctx = contextFor(io, options);
        const { plane, close } = await openControlPlane(ctx, options);
        try {
          const pending = await plane.approvals.get(runId);
          const run = await plane.runner.resume(runId, {
            approved,
            principal: options.as ?? io.env.USER ?? "local",
            ...(options.comment ? { comment: options.comment } : {}),
            ...(pending ? { token: pending.token } : {}),
          });
          await plane.approvals.delete(runId);
          if (ctx.json)
            io.stdout(
              `${JSON.stringify({ decision: approved ? "approved" : "rejected", run: runJson(run) }, null, 2)}\n`,
            );
          else io.stdout(describeRun(ctx, run));
          setExit(run.status === "FAILED" && approved ? EXIT.error : EXIT.ok);
        } finally {
          close();
        }
      });
  }
}
