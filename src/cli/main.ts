import { readFileSync } from "node:fs";
import { Command, CommanderError } from "commander";
import { registerCost } from "./commands/cost.ts";
import { registerGenerate } from "./commands/generate.ts";
import { registerGraph } from "./commands/graph.ts";
import { registerInit } from "./commands/init.ts";
import { registerInspect } from "./commands/inspect.ts";
import { registerPolicyCheck } from "./commands/policy-check.ts";
import { registerValidate } from "./commands/validate.ts";
import { EXIT } from "./exit-codes.ts";
import type { CliIO } from "./io.ts";
import { reportError } from "./report-error.ts";
import { styleFor } from "./style.ts";

const VERSION = (
  JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }
).version;

/** Runs the plinth CLI with `argv` (without node and script) and returns the exit code. */
export async function run(argv: string[], io: CliIO): Promise<number> {
  let exitCode: number = EXIT.ok;
  const setExit = (code: number) => {
    exitCode = code;
  };
  const program = new Command("plinth")
    .description("Infrastructure as code for application platforms: one plinth.yaml, any cloud, kept honest.")
    .version(VERSION, "-v, --version")
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  registerInit(program, io, setExit);
  registerValidate(program, io, setExit);
  registerGraph(program, io, setExit);
  registerGenerate(program, io, setExit);
  registerPolicyCheck(program, io, setExit);
  registerCost(program, io, setExit);
  registerInspect(program, io, setExit);
  for (const command of program.commands)
    command.exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr });

  try {
    await program.parseAsync(argv, { from: "user" });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and --version end here with code 0; usage errors were already printed by commander.
      return error.exitCode === 0 ? EXIT.ok : EXIT.error;
    }
    const json = argv.includes("--json");
    const debug = argv.includes("--debug");
    return reportError(error, io, styleFor(io, argv.includes("--no-color") || json), { json, debug });
  }
}
