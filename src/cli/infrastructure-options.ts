import type { Command } from "commander";
import { InputError } from "../errors.ts";
import type { ReadInfrastructureOptions } from "../ingest/read-infrastructure.ts";
import type { CliIO } from "./io.ts";
import { resolvePath } from "./paths.ts";

/** Options of every command that reads existing infrastructure code (inspect, policy check, cost). */
export interface InfrastructureFlags {
  env?: string;
  var?: string[];
  varFile?: string[];
  source?: string;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** Adds `--var k=v`, `--var-file F` (both repeatable) and `--source DIR` to a command. */
export function withInfrastructureOptions(command: Command): Command {
  return command
    .option("--var <name=value>", "a Terraform variable or CloudFormation parameter (repeatable)", collect)
    .option("--var-file <file>", "a .tfvars or .tfvars.json file (repeatable)", collect)
    .option("--source <dir>", "plan JSON: the directory of the .tf files it was planned from");
}

/** The flags as `readInfrastructure` options, with paths resolved against the CLI's directory. */
export function infrastructureOptions(
  io: CliIO,
  flags: InfrastructureFlags,
  display: string,
): ReadInfrastructureOptions {
  const vars: Record<string, string> = {};
  for (const pair of flags.var ?? []) {
    const eq = pair.indexOf("=");
    if (eq <= 0)
      throw new InputError(`--var takes name=value, not \`${pair}\`.`, {
        hint: "For example --var region=eu-west-1.",
      });
    vars[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return {
    env: flags.env,
    vars,
    varFiles: (flags.varFile ?? []).map((f) => resolvePath(io, f).absolute),
    source: flags.source === undefined ? undefined : resolvePath(io, flags.source).absolute,
    display,
  };
}
