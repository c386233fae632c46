import { PlinthError } from "../errors.ts";
import type { LockInfo } from "./types.ts";

/** Another run holds the environment's write lock. */
export class LockHeldError extends PlinthError {
  override name = "LockHeldError";
  readonly lock: LockInfo;
  constructor(env: string, lock: LockInfo) {
    super(
      `Environment \`${env}\` is locked by ${lock.holder} (${lock.operation}) since ${lock.since}; nothing was changed.`,
      { hint: `Wait for it to finish; a lock whose holder died is taken over after ${lock.expiresAt}.` },
    );
    this.lock = lock;
  }
}

/** Someone committed a version in between: the caller's view of state is stale. */
export class VersionConflictError extends PlinthError {
  override name = "VersionConflictError";
}

/** A stored file or item is not what plinth wrote: refuse rather than guess. */
export class StateCorruptError extends PlinthError {
  override name = "StateCorruptError";
}

/** A record created with `ifAbsent` (an audit record, an approval token) exists already. */
export class RecordExistsError extends PlinthError {
  override name = "RecordExistsError";
}

/** The store itself failed: disk full, permissions, the table unreachable. */
export class StateStoreError extends PlinthError {
  override name = "StateStoreError";
}

/**
 * The store could not be reached or was throttled after the client's own retries: the call may succeed
 * later, so workflows retry it (a Step Functions Retry names this class).
 */
export class StateStoreUnavailableError extends StateStoreError {
  override name = "StateStoreUnavailableError";
  override readonly retryable = true;
}
