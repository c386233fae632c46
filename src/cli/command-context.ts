import type { Command } from "commander";
import { InputError } from "../errors.ts";
import type { Cloud } from "../model/graph.ts";
import type { CliIO } from "./io.ts";
import { type Style, styleFor } from "./style.ts";

/** Options every command accepts (DESIGN.md "CLI contract"). */
export interface CommonOptions {
  file: string;
  env?: string;
  json?: boolean;
  color?: boolean;
  debug?: boolean;
}

export interface CommandContext {
  io: CliIO;
  style: Style;
  json: boolean;
  debug: boolean;
}

export function withCommonOptions(command: Command, { spec = true } = {}): Command {
  if (spec) {
    command
      .option("-f, --file <path>", "the spec file", "plinth.yaml")
      .option("--env <name>", "environment (default: the first one declared)");
  }
  return command
    .option("--json", "machine-readable output (schemas/cli/)")
    .option("--no-color", "no colours (also NO_COLOR)")
    .option("--debug", "stack traces and debug logs");
}

export function contextFor(io: CliIO, options: CommonOptions): CommandContext {
  return {
    io,
    style: styleFor(io, options.color === false || Boolean(options.json)),
    json: Boolean(options.json),
    debug: Boolean(options.debug),
  };
}

export function parseCloud(value: string | undefined): Cloud | undefined {
  if (value === undefined) return undefined;
  if (value === "aws" || value === "gcp" || value === "azure") return value;
  throw new InputError(`--cloud must be aws, gcp or azure, not \`${value}\`.`);
}
