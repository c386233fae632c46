import { execFileSync } from "node:child_process";

export interface BenchRow {
  name: string;
  /** Median wall time in milliseconds. */
  ms: number;
  p95?: number;
  /** What the figure is compared with, e.g. a target or a baseline tool's time. */
  note?: string;
}

export interface BenchSuite {
  title: string;
  run: () => Promise<BenchRow[]> | BenchRow[];
}

export function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

/** Times a function `runs` times after `warmup` untimed runs; `before` runs untimed ahead of each. */
export function timeIt(fn: () => void, runs = 10, warmup = 2, before?: () => void): number[] {
  for (let i = 0; i < warmup; i++) {
    before?.();
    fn();
  }
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    before?.();
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return samples;
}

/** Times a command as a user would run it (a fresh process each time). */
export function timeCommand(command: string, args: string[], runs = 15, warmup = 2, cwd?: string): number[] {
  return timeIt(
    () => {
      execFileSync(command, args, { stdio: "ignore", ...(cwd ? { cwd } : {}) });
    },
    runs,
    warmup,
  );
}
