import { createInterface } from "node:readline/promises";

/** Where the CLI reads and writes; injected so tests run commands in-process. */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  /** Whether stdout/stderr are terminals (colour, progress). */
  isTTY: boolean;
  /** Asks the person at the terminal; undefined when there is nobody to ask. */
  prompt?: (question: string) => Promise<string>;
  /** The clock (suppression expiry and the like); the system clock when absent. */
  now?: () => Date;
  /** Aborted when the user interrupts (Ctrl-C): long-running commands such as `serve` stop cleanly. */
  signal?: AbortSignal;
}

export function processIO(): CliIO {
  const interrupt = new AbortController();
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => interrupt.abort());
  return {
    ...(process.stdin.isTTY ? { prompt: askTerminal } : {}),
    signal: interrupt.signal,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    cwd: process.cwd(),
    isTTY: Boolean(process.stdout.isTTY && process.stderr.isTTY),
  };
}

async function askTerminal(question: string): Promise<string> {
  const reader = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return await reader.question(question);
  } finally {
    reader.close();
  }
}
