import type { Command } from "commander";
import { withCommonOptions } from "../command-context.ts";
import { withDeployOptions } from "../deploy-context.ts";
import type { CliIO } from "../io.ts";
import { type ApplyOptions, deploy } from "./apply.ts";

/** `plinth destroy`: plan the deletion of everything plinth manages in the environment, confirm, delete. */
export function registerDestroy(program: Command, io: CliIO, setExit: (code: number) => void): void {
  withDeployOptions(withCommonOptions(program.command("destroy")))
    .description("delete every resource of the environment that plinth manages")
    .option("--auto-approve", "destroy without asking for confirmation")
    .action(async (options: ApplyOptions) => {
      setExit(await deploy(io, options, "destroy", undefined));
    });
}
