import { randomUUID } from "node:crypto";
import type { LockInfo, LockRequest } from "./types.ts";

export const DEFAULT_LEASE_MS = 120_000;

/** A new lock for `request`, leased from `now`. */
export function newLock(request: LockRequest, now: Date): LockInfo {
  return {
    id: randomUUID(),
    holder: request.holder,
    operation: request.operation,
    since: now.toISOString(),
    expiresAt: new Date(now.getTime() + (request.leaseMs ?? DEFAULT_LEASE_MS)).toISOString(),
    host: request.host,
    pid: request.pid,
  };
}

/** The same lock with its lease extended from `now`. */
export function renewedLock(lock: LockInfo, now: Date, leaseMs = DEFAULT_LEASE_MS): LockInfo {
  return { ...lock, expiresAt: new Date(now.getTime() + leaseMs).toISOString() };
}

/**
 * A lock may be taken over when its lease ran out, or when it was taken on this host by a process
 * that no longer exists (a killed apply), which is known at once rather than after the lease.
 */
export function isStale(lock: LockInfo, now: Date, host: string, isAlive: (pid: number) => boolean): boolean {
  if (Date.parse(lock.expiresAt) <= now.getTime()) return true;
  return lock.host === host && !isAlive(lock.pid);
}

/** Whether a process exists (signal 0 checks without sending anything). */
export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
