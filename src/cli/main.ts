import { readFileSync } from "node:fs";
import { Command, CommanderError } from "commander";
import { EXIT } from "./exit-codes.ts";
import type { CliIO } from "./io.ts";
import { reportError } from "./report-error.ts";
import { styleFor } from "./style.ts";

type Register = (program: Command, io: CliIO, setExit: (code: number) => void) => void;

/**
 * Commands by name, each loaded only when it runs: a command's module pulls in its capability (the AWS
 * SDK, the policy rules, the workflow runner…), and start-up should pay only for the one being run.
 */
const COMMANDS: Readonly<Record<string, () => Promise<Register>>> = {
  init: async () => (await import("./commands/init.ts")).registerInit,
  validate: async () => (await import("./commands/validate.ts")).registerValidate,
  graph: async () => (await import("./commands/graph.ts")).registerGraph,
  plan: async () => (await import("./commands/plan.ts")).registerPlan,
  apply: async () => (await import("./commands/apply.ts")).registerApply,
  destroy: async () => (await import("./commands/destroy.ts")).registerDestroy,
  history: async () => (await import("./commands/history.ts")).registerHistory,
  generate: async () => (await import("./commands/generate.ts")).registerGenerate,
  policy: async () => (await import("./commands/policy-check.ts")).registerPolicyCheck,
  cost: async () => (await import("./commands/cost.ts")).registerCost,
  inspect: async () => (await import("./commands/inspect.ts")).registerInspect,
  workflow: async () => (await import("./commands/workflow.ts")).registerWorkflow,
  events: async () => (await import("./commands/events.ts")).registerEvents,
  approve: async () => (await import("./commands/approval.ts")).registerApproval,
  reject: async () => (await import("./commands/approval.ts")).registerApproval,
  serve: async () => (await import("./commands/serve.ts")).registerServe,
};

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
  for (const register of new Set(await Promise.all(commandsFor(argv).map((name) => COMMANDS[name]?.())))) {
    register?.(program, io, setExit);
  }
  const configure = (command: Command) => {
    command.exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
    for (const sub of command.commands) configure(sub);
  };
  for (const command of program.commands) configure(command);

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

/** The commands to load: the one named, or all of them for help and unknown commands. */
function commandsFor(argv: string[]): string[] {
  const name = argv.find((arg) => !arg.startsWith("-"));
  if (name && name in COMMANDS) return [name];
  if (!name && (argv.includes("-v") || argv.includes("--version"))) return [];
  return Object.keys(COMMANDS);
}
