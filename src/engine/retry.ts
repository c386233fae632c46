import { PlinthError } from "../errors.ts";

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  onRetry?: (attempt: number, delayMs: number, error: PlinthError) => void;
}

export const DEFAULT_RETRY: RetryPolicy = {
  maxAttempts: 6,
  baseDelayMs: 250,
  maxDelayMs: 10_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
};

/** Whether an error is worth another attempt: throttling, 5xx, eventual consistency. */
export function isRetryable(error: unknown): error is PlinthError {
  return error instanceof PlinthError && error.retryable;
}

/**
 * Calls `fn` until it succeeds, retrying only retryable errors, with exponential backoff and full
 * jitter (a random delay up to the exponential bound, so concurrent callers spread out).
 */
export async function withRetry<T>(fn: () => Promise<T>, policy: RetryPolicy): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (!isRetryable(error) || attempt >= policy.maxAttempts) throw error;
      const bound = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
      const delay = Math.round(policy.random() * bound);
      policy.onRetry?.(attempt, delay, error);
      await policy.sleep(delay);
    }
  }
}
