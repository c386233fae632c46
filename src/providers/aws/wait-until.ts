import { PlinthError } from "../../errors.ts";

/** A resource did not reach the wanted state in time. */
export class WaitTimeoutError extends PlinthError {
  override name = "WaitTimeoutError";
}

export interface WaitOptions {
  /** What is awaited, for the timeout message: `aws_db_instance.db to be available`. */
  what: string;
  timeoutMs?: number;
  /** First delay; doubles up to `maxIntervalMs`. */
  intervalMs?: number;
  maxIntervalMs?: number;
}

export type Sleep = (ms: number) => Promise<void>;

/**
 * Polls `check` until it returns a value (not undefined), backing off between polls. For resources
 * that take time (instances, databases, NAT gateways); emulators answer on the first poll.
 */
export async function waitUntil<T>(
  check: () => Promise<T | undefined>,
  options: WaitOptions,
  sleep: Sleep,
): Promise<T> {
  const timeout = options.timeoutMs ?? 30 * 60_000;
  let interval = options.intervalMs ?? 500;
  let waited = 0;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (waited >= timeout) {
      throw new WaitTimeoutError(
        `Timed out after ${Math.round(waited / 1000)} s waiting for ${options.what}.`,
        {
          hint: "It may still finish: run `plinth plan --refresh` later to see where it is.",
        },
      );
    }
    await sleep(interval);
    waited += interval;
    interval = Math.min(interval * 2, options.maxIntervalMs ?? 15_000);
  }
}
