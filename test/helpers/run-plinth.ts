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

/** When to SIGKILL the process: once `after` lines of output match `lines`, plus a delay. */
export interface KillPoint {
  lines: RegExp;
  after: number;
  delayMs: number;
}

/** Runs the real `plinth` binary (Node 24, as npm runs it); SIGKILLs it at `kill` if given. */
export function runPlinth(
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  kill?: KillPoint,
): Promise<BinaryRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [PLINTH, ...args], { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    let timer: NodeJS.Timeout | undefined;
    const armKill = () => {
      if (kill && !timer && stdout.split("\n").filter((line) => kill.lines.test(line)).length >= kill.after)
        timer = setTimeout(() => child.kill("SIGKILL"), kill.delayMs);
    };
    child.stdout.on("data", (d) => {
      stdout += d;
      armKill();
    });
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    armKill();
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, endedAt: performance.now() });
    });
  });
}
