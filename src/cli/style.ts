import type { CliIO } from "./io.ts";

export interface Style {
  enabled: boolean;
  bold: (text: string) => string;
  dim: (text: string) => string;
  red: (text: string) => string;
  green: (text: string) => string;
  yellow: (text: string) => string;
  cyan: (text: string) => string;
}

const codes = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  cyan: [36, 39],
};

/**
 * ANSI colours, on only for a terminal, and off with `--no-color`, `NO_COLOR` (no-color.org) or
 * `TERM=dumb`; `FORCE_COLOR` turns them on for CI logs that render them.
 */
export function styleFor(io: CliIO, noColor: boolean): Style {
  const env = io.env;
  const enabled =
    !noColor &&
    !(env.NO_COLOR !== undefined && env.NO_COLOR !== "") &&
    env.TERM !== "dumb" &&
    (io.isTTY || (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "0"));
  const wrap =
    ([open, close]: number[]) =>
    (text: string) =>
      enabled ? `\u001b[${open}m${text}\u001b[${close}m` : text;
  return {
    enabled,
    bold: wrap(codes.bold),
    dim: wrap(codes.dim),
    red: wrap(codes.red),
    green: wrap(codes.green),
    yellow: wrap(codes.yellow),
    cyan: wrap(codes.cyan),
  };
}
