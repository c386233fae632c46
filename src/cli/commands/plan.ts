import type { Command } from "commander";
import { createPlan } from "../../engine/plan.ts";
import type { Plan } from "../../engine/plan-types.ts";
import { InputError } from "../../errors.ts";
import { loadWorkingState } from "../../state/working-state.ts";
import { withCommonOptions } from "../command-context.ts";
import { type DeployOptions, deployContext, typesOf, withDeployOptions } from "../deploy-context.ts";
import { EXIT } from "../exit-codes.ts";
import type { CliIO } from "../io.ts";
import { writeJsonFile } from "../json-file.ts";
import { resolvePath } from "../paths.ts";
import { renderPlan } from "../render-plan.ts";

interface PlanOptions extends DeployOptions {
  destroy?: boolean;
  out?: string;
  detailedExitcode?: boolean;
}

/** `plinth plan`: what apply would change, without changing anything. */
export function registerPlan(program: Command, io: CliIO, setExit: (code: number) => void): void {
  withDeployOptions(withCommonOptions(program.command("plan")))
    .description("show what apply would change (read-only; --refresh reads the cloud first)")
    .option("--destroy", "plan the deletion of every resource instead")
    .option("--out <file>", "save the plan, to apply exactly it later with `plinth apply FILE`")
    .option("--detailed-exitcode", "exit 2 when there are changes, 0 when there are none")
    .action(async (options: PlanOptions) => {
      const deploy = await deployContext(io, options);
      try {
        if (deploy.engine === "cloudformation") {
          if (options.out)
            throw new InputError(
              "--out saves native plans; with --engine cloudformation the change set is the plan.",
            );
          const code = await (await import("../cloudformation-mode.ts")).planWithCloudFormation(
            io,
            deploy,
            Boolean(options.destroy),
          );
          setExit(options.detailedExitcode ? code : EXIT.ok);
          return;
        }
        const working = await loadWorkingState(deploy.store, deploy.key);
        const plan = await createPlan({
          graph: deploy.graph,
          working,
          handlers: await deploy.handlers(typesOf(deploy.graph.nodes, working)),
          command: options.destroy ? "destroy" : "apply",
          refresh: Boolean(options.refresh),
          variables: deploy.variables,
          parallelism: deploy.parallelism,
        });
        if (options.out) {
          const out = resolvePath(io, options.out);
          await writeJsonFile(out.absolute, plan);
          if (!deploy.ctx.json)
            io.stderr(`Saved the plan to ${out.display}; apply it with \`plinth apply ${out.display}\`.\n`);
        }
        io.stdout(
          deploy.ctx.json ? `${JSON.stringify(plan, null, 2)}\n` : renderPlan(plan, deploy.ctx.style),
        );
        setExit(options.detailedExitcode && hasChanges(plan) ? EXIT.attention : EXIT.ok);
      } finally {
        deploy.close();
      }
    });
}

export function hasChanges(plan: Plan): boolean {
  return (
    Object.values(plan.summary).some((n) => n > 0) || plan.interrupted.length > 0 || plan.gone.length > 0
  );
}
