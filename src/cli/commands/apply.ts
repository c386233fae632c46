import type { Command } from "commander";
import { checkPlanIntegrity } from "../../engine/plan-file.ts";
import type { Plan } from "../../engine/plan-types.ts";
import { InputError } from "../../errors.ts";
import { withCommonOptions } from "../command-context.ts";
import {
  type DeployContext,
  type DeployOptions,
  deployContext,
  withDeployOptions,
} from "../deploy-context.ts";
import { type DeployRunOptions, runDeployWorkflow } from "../deploy-run.ts";
import type { CliIO } from "../io.ts";
import { readJsonFile } from "../json-file.ts";
import { resolvePath } from "../paths.ts";

export interface ApplyOptions extends DeployOptions, DeployRunOptions {}

/** Options of apply and destroy beyond plan's. */
export function withRunOptions(command: Command): Command {
  return command
    .option(
      "--auto-approve",
      "change without asking for confirmation (an environment's approval still applies)",
    )
    .option(
      "--wait <duration>",
      "how long to wait for an environment's approval (90s, 30m, 2h; default: until it expires)",
    );
}

/** `plinth apply [PLAN]`: the deploy workflow, embedded: gates, plan, confirmation, apply, verify. */
export function registerApply(program: Command, io: CliIO, setExit: (code: number) => void): void {
  withRunOptions(withDeployOptions(withCommonOptions(program.command("apply"))))
    .description("create, update and delete resources until the environment matches the spec")
    .argument("[plan]", "a plan saved with `plinth plan --out` (applied as reviewed, without asking again)")
    .option(
      "--rollback-on-failure",
      "when the apply fails part-way, roll back to the version it started from",
    )
    .action(async (planFile: string | undefined, options: ApplyOptions) => {
      setExit(await deploy(io, options, "apply", planFile));
    });
}

/**
 * Runs the deploy or destroy workflow for the environment (the native engine), or deploys a
 * CloudFormation stack directly (`--engine cloudformation`, which has no workflow of its own).
 */
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
      // The CloudFormation SDK loads only for this engine.
      const { deployWithCloudFormation } = await import("../cloudformation-mode.ts");
      return await deployWithCloudFormation(io, d, command, Boolean(options.autoApprove));
    }
    const saved = planFile ? await loadSavedPlan(io, planFile, d) : undefined;
    return await runDeployWorkflow(io, d, options, command, saved);
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
