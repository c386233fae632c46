import type { Command } from "commander";
import { type ApplyResult, applyPlan } from "../../engine/apply.ts";
import { NotConfirmedError } from "../../engine/errors.ts";
import { createPlan } from "../../engine/plan.ts";
import { checkPlanIntegrity } from "../../engine/plan-file.ts";
import type { Plan } from "../../engine/plan-types.ts";
import { withLock } from "../../engine/with-lock.ts";
import { InputError, PlinthError } from "../../errors.ts";
import { loadWorkingState } from "../../state/working-state.ts";
import { withCommonOptions } from "../command-context.ts";
import {
  type DeployContext,
  type DeployOptions,
  deployContext,
  progressPrinter,
  typesOf,
  withDeployOptions,
} from "../deploy-context.ts";
import { EXIT } from "../exit-codes.ts";
import type { CliIO } from "../io.ts";
import { readJsonFile } from "../json-file.ts";
import { resolvePath } from "../paths.ts";
import { renderPlan } from "../render-plan.ts";
import { hasChanges } from "./plan.ts";

export interface ApplyOptions extends DeployOptions {
  autoApprove?: boolean;
}

/** `plinth apply [PLAN]`: plan (or load a saved plan), confirm, apply. */
export function registerApply(program: Command, io: CliIO, setExit: (code: number) => void): void {
  withDeployOptions(withCommonOptions(program.command("apply")))
    .description("create, update and delete resources until the environment matches the spec")
    .argument("[plan]", "a plan saved with `plinth plan --out` (applied as reviewed, without asking again)")
    .option("--auto-approve", "apply without asking for confirmation")
    .action(async (planFile: string | undefined, options: ApplyOptions) => {
      setExit(await deploy(io, options, "apply", planFile));
    });
}

/** Plans (or loads a saved plan) under the environment's lock, confirms, applies, reports. */
export async function deploy(
  io: CliIO,
  options: ApplyOptions,
  command: "apply" | "destroy",
  planFile?: string,
): Promise<number> {
  const d = await deployContext(io, options);
  try {
    if (d.engine === "cloudformation") {
      if (planFile)
        throw new InputError(
          "A saved plan is a native plan; it cannot be applied with --engine cloudformation.",
        );
      return await (await import("../cloudformation-mode.ts")).deployWithCloudFormation(
        io,
        d,
        command,
        Boolean(options.autoApprove),
      );
    }
    const saved = planFile ? await loadSavedPlan(io, planFile, d) : undefined;
    return await withLock(d.store, d.key, d.lockRequest(command), async () => {
      const working = await loadWorkingState(d.store, d.key);
      const handlers = await d.handlers(typesOf(saved?.nodes ?? d.graph.nodes, working));
      const plan =
        saved ??
        (await createPlan({
          graph: d.graph,
          working,
          handlers,
          command,
          refresh: Boolean(options.refresh),
          variables: d.variables,
          parallelism: d.parallelism,
        }));
      if (!d.ctx.json) io.stdout(renderPlan(plan, d.ctx.style));
      if (!hasChanges(plan)) {
        if (d.ctx.json) io.stdout(`${JSON.stringify(resultJson(plan, undefined), null, 2)}\n`);
        return EXIT.ok;
      }
      if (!saved && !options.autoApprove) await confirm(io, d, command);
      const result = await applyPlan({
        plan,
        store: d.store,
        handlers,
        actor: d.actor,
        parallelism: d.parallelism,
        variables: d.variables,
        onEvent: progressPrinter(io, d.ctx),
      });
      return report(io, d, plan, result);
    });
  } finally {
    d.close();
  }
}

async function loadSavedPlan(io: CliIO, file: string, d: DeployContext): Promise<Plan> {
  const plan = (await readJsonFile(resolvePath(io, file), "plinth plan")) as Plan;
  checkPlanIntegrity(plan);
  if (plan.app !== d.key.app || plan.env !== d.key.env)
    throw new InputError(
      `${file} is a plan for ${plan.app}/${plan.env}, not ${d.key.app}/${d.key.env}; nothing was applied.`,
      { hint: "Pass the matching --env and -f." },
    );
  return plan;
}

async function confirm(io: CliIO, d: DeployContext, command: "apply" | "destroy"): Promise<void> {
  if (!io.prompt || d.ctx.json) {
    throw new NotConfirmedError(
      `plinth ${command} needs a confirmation and there is no terminal to ask; nothing was changed.`,
      {
        hint: "Review `plinth plan`, then run again with --auto-approve (or apply a saved plan file).",
      },
    );
  }
  const question =
    command === "destroy"
      ? `\nDo you really want to destroy every resource of ${d.key.app}/${d.key.env}? Only 'yes' will be accepted: `
      : `\nDo you want to perform these actions in ${d.key.app}/${d.key.env}? Only 'yes' will be accepted: `;
  const answer = (await io.prompt(question)).trim();
  if (answer !== "yes")
    throw new NotConfirmedError(`${command} cancelled: the answer was not \`yes\`; nothing was changed.`);
}

function report(io: CliIO, d: DeployContext, plan: Plan, result: ApplyResult): number {
  const failed = result.results.filter((r) => r.status === "failed");
  if (d.ctx.json) io.stdout(`${JSON.stringify(resultJson(plan, result), null, 2)}\n`);
  else {
    const done = result.results.filter((r) => r.status === "done");
    const count = (action: string) => done.filter((r) => r.action === action).length;
    const summary = `${count("create") + count("replace")} added, ${count("update")} changed, ${count("delete") + count("replace")} destroyed`;
    if (failed.length === 0)
      io.stdout(
        `\n${d.ctx.style.green(`${plan.command === "destroy" ? "Destroy" : "Apply"} complete!`)} Resources: ${summary} in ${(result.durationMs / 1000).toFixed(1)}s; state version ${result.version}.\n`,
      );
    for (const [name, value] of Object.entries(result.outputs))
      io.stdout(`${name} = ${typeof value === "string" ? value : JSON.stringify(value)}\n`);
  }
  if (failed.length === 0) return EXIT.ok;
  const [first] = failed;
  const skipped = result.results.filter((r) => r.status === "skipped").length;
  const finished = result.results.length - failed.length - skipped;
  const recorded =
    finished > 0
      ? `${finished} finished and ${finished === 1 ? "is" : "are"} recorded in state version ${result.version}`
      : "nothing was changed";
  const error = new PlinthError(
    `${plan.command === "destroy" ? "Destroy" : "Apply"} stopped: ${first?.address} failed: ${first?.error?.message.replace(/\.$/, "")}${failed.length > 1 ? ` (and ${failed.length - 1} more)` : ""}; ${recorded}${skipped > 0 ? `, ${skipped} not started` : ""}.`,
    {
      hint: `${first?.error?.hint ? `${first.error.hint} ` : ""}Then run ${plan.command} again: it continues from where it stopped.`,
    },
  );
  io.stderr(`${d.ctx.style.red("error")}: ${error.describe()}\n`);
  return EXIT.error;
}

function resultJson(plan: Plan, result: ApplyResult | undefined) {
  return {
    command: plan.command,
    app: plan.app,
    env: plan.env,
    planHash: plan.hash,
    baseVersion: plan.baseVersion,
    summary: plan.summary,
    outcome: result?.outcome ?? "unchanged",
    version: result?.version ?? plan.baseVersion,
    durationMs: result?.durationMs ?? 0,
    results: result?.results ?? [],
    outputs: result?.outputs ?? {},
  };
}
