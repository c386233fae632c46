import { formatLocation, PlinthError } from "../errors.ts";
import { type Diagnostic, describeDiagnostic, InvalidSpecError } from "../spec/diagnostics.ts";
import { EXIT, type ExitCode } from "./exit-codes.ts";
import type { CliIO } from "./io.ts";
import type { Style } from "./style.ts";

export interface ErrorReportOptions {
  json: boolean;
  debug: boolean;
}

/**
 * Reports a failed command: one clear sentence per problem on stderr (with file:line:col), never a
 * stack trace unless --debug; with --json also a machine-readable `{"error": …}` on stdout.
 */
export function reportError(error: unknown, io: CliIO, style: Style, options: ErrorReportOptions): ExitCode {
  const diagnostics: Diagnostic[] = error instanceof InvalidSpecError ? error.diagnostics : [];
  if (diagnostics.length > 0) {
    for (const d of diagnostics) io.stderr(`${style.red("error")}: ${describeDiagnostic(d)}\n`);
    if (diagnostics.length > 1) io.stderr(`${diagnostics.length} problems found.\n`);
  } else if (error instanceof PlinthError) {
    io.stderr(`${style.red("error")}: ${error.describe()}\n`);
  } else {
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(
      `${style.red("error")}: plinth failed unexpectedly: ${message}.${options.debug ? "" : " Run again with --debug for details."}\n`,
    );
  }
  if (options.debug && error instanceof Error && error.stack) io.stderr(`${style.dim(error.stack)}\n`);
  if (options.json) io.stdout(`${JSON.stringify({ error: errorJson(error, diagnostics) }, null, 2)}\n`);
  return EXIT.error;
}

function errorJson(error: unknown, diagnostics: Diagnostic[]) {
  const base = {
    name: error instanceof Error ? error.name : "Error",
    message: error instanceof Error ? error.message : String(error),
  };
  if (error instanceof PlinthError) {
    return {
      ...base,
      ...(error.location
        ? { file: error.location.file, line: error.location.line, col: error.location.col }
        : {}),
      ...(error.hint ? { hint: error.hint } : {}),
      ...(diagnostics.length > 0 ? { diagnostics: diagnostics.map(diagnosticJson) } : {}),
    };
  }
  return base;
}

export function diagnosticJson(d: Diagnostic) {
  return {
    severity: d.severity,
    message: d.message,
    file: d.location.file,
    line: d.location.line,
    col: d.location.col,
    ...(d.hint ? { hint: d.hint } : {}),
  };
}

export function describeWarning(d: Diagnostic, style: Style): string {
  return `${style.yellow("warning")}: ${formatLocation(d.location)}: ${d.message}${d.hint ? ` ${d.hint}` : ""}\n`;
}
