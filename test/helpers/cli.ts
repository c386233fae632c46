import { run } from "../../src/cli/main.ts";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process, as a terminal-less user in `cwd`. */
export async function runCli(
  args: string[],
  options: { cwd?: string; env?: Record<string, string>; isTTY?: boolean; now?: () => Date } = {},
): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const code = await run(args, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    isTTY: options.isTTY ?? false,
    ...(options.now ? { now: options.now } : {}),
  });
  return { code, stdout, stderr };
}
