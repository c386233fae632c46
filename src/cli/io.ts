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
}

export function processIO(): CliIO {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    cwd: process.cwd(),
    isTTY: Boolean(process.stdout.isTTY && process.stderr.isTTY),
  };
}
