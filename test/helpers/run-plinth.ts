import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const PLINTH = fileURLToPath(new URL("../../bin/plinth.js", import.meta.url));

export interface BinaryRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** When the process ended, by performance.now(). */
  endedAt: number;
}

/** Runs the real `plinth` binary (Node 24, as npm runs it); SIGKILLs it after `killAfterMs` if given. */
export function runPlinth(
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  killAfterMs?: number,
): Promise<BinaryRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [PLINTH, ...args], { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    const timer =
      killAfterMs === undefined ? undefined : setTimeout(() => child.kill("SIGKILL"), killAfterMs);
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, endedAt: performance.now() });
    });
  });
}
