import type { StateStore } from "../state/store.ts";
import type { LockInfo, LockRequest, StateKey } from "../state/types.ts";

export interface LockOptions {
  /** How often the lease is renewed while `work` runs (default: a third of the lease). */
  renewEveryMs?: number;
  onRenewFailed?: (error: unknown) => void;
}

/**
 * Runs `work` holding the environment's write lock, renewing its lease meanwhile, and releases it
 * however `work` ends. A second caller fails fast with LockHeldError naming the holder.
 */
export async function withLock<T>(
  store: StateStore,
  key: StateKey,
  request: LockRequest,
  work: (lock: LockInfo) => Promise<T>,
  options: LockOptions = {},
): Promise<T> {
  let lock = await store.acquireLock(key, request);
  const lease = Date.parse(lock.expiresAt) - Date.parse(lock.since);
  const timer = setInterval(
    () => {
      store.renewLock(key, lock).then(
        (renewed) => {
          lock = renewed;
        },
        (error: unknown) => options.onRenewFailed?.(error),
      );
    },
    options.renewEveryMs ?? Math.max(1000, lease / 3),
  );
  timer.unref();
  try {
    return await work(lock);
  } finally {
    clearInterval(timer);
    await store.releaseLock(key, lock);
  }
}
