import type { Command } from "commander";
import { withCommonOptions } from "../command-context.ts";
import { withDeployOptions } from "../deploy-context.ts";
import type { CliIO } from "../io.ts";
import { type ApplyOptions, deploy, withRunOptions } from "./apply.ts";

/** `plinth destroy`: the destroy workflow, embedded: plan the deletion of everything, confirm, delete. */
export function registerDestroy(program: Command, io: CliIO, setExit: (code: number) => void): void {
  withRunOptions(withDeployOptions(withCommonOptions(program.command("destroy"))))
    .description("delete every resource of the environment that plinth manages")
    .action(async (options: ApplyOptions) => {
      setExit(await deploy(io, options, "destroy", undefined));
    });
}
