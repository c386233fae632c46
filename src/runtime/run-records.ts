import { hostname } from "node:os";
import { isValidExecutionName } from "../events/execution-name.ts";
import type { JsonObject } from "../model/value.ts";
import { RecordExistsError } from "../state/errors.ts";
import { processIsAlive } from "../state/lock-lease.ts";
import type { StateStore } from "../state/store.ts";
import { RunNotFoundError } from "./errors.ts";
import type { RunRecord, RunStore } from "./run-store.ts";

const RUNS = "runs";
const LEASES = "run-leases";
/** A resume takes its lease only until it has marked the run RUNNING; this bounds a lost lease. */
const LEASE_MS = 10 * 60 * 1000;

export interface RunRecordsOptions {
  now?: () => Date;
  host?: string;
  isAlive?: (pid: number) => boolean;
}

/**
 * Workflow runs as records of the state store (collection `runs`, by run id), so a CLI process that
 * exits while a run waits for approval and a later `plinth approve` meet there, on one machine
 * (`.plinth/`) or many (DynamoDB). Creating a run is a create-if-absent: a redelivered event loses.
 */
export class StoreRunStore implements RunStore {
  readonly #store: StateStore;
  readonly #now: () => Date;
  readonly #host: string;
  readonly #isAlive: (pid: number) => boolean;

  constructor(store: StateStore, options: RunRecordsOptions = {}) {
    this.#store = store;
    this.#now = options.now ?? (() => new Date());
    this.#host = options.host ?? hostname();
    this.#isAlive = options.isAlive ?? processIsAlive;
  }

  async create(run: RunRecord): Promise<boolean> {
    try {
      await this.#store.putRecord(recordOf(checked(run.runId), run), { ifAbsent: true });
      return true;
    } catch (error) {
      if (error instanceof RecordExistsError) return false;
      throw error;
    }
  }

  async get(runId: string): Promise<RunRecord | undefined> {
    return (await this.#store.getRecord(RUNS, checked(runId)))?.data as unknown as RunRecord | undefined;
  }

  async put(run: RunRecord): Promise<void> {
    await this.#store.putRecord(recordOf(checked(run.runId), run));
  }

  async list(): Promise<RunRecord[]> {
    return (await this.#store.listRecords(RUNS))
      .map((record) => record.data as unknown as RunRecord)
      .sort((a, b) => a.startedAt.localeCompare(b.startedAt));
  }

  async claim(runId: string): Promise<boolean> {
    const lease = { collection: LEASES, id: checked(runId), data: { host: this.#host, pid: process.pid } };
    const expiresAt = new Date(this.#now().getTime() + LEASE_MS).toISOString();
    try {
      await this.#store.putRecord(lease, { ifAbsent: true, expiresAt });
      return true;
    } catch (error) {
      if (!(error instanceof RecordExistsError)) throw error;
    }
    // A lease left by a process that died here (killed during an approve) must not block the run.
    const held = (await this.#store.getRecord(LEASES, runId))?.data as
      | { host: string; pid: number }
      | undefined;
    if (held && held.host === this.#host && held.pid !== process.pid && !this.#isAlive(held.pid)) {
      await this.#store.deleteRecord(LEASES, runId);
      return this.claim(runId);
    }
    return false;
  }

  async release(runId: string): Promise<void> {
    await this.#store.deleteRecord(LEASES, checked(runId));
  }
}

function recordOf(runId: string, run: RunRecord) {
  return { collection: RUNS, id: runId, data: run as unknown as JsonObject };
}

/** Run ids are execution names: never a path or a key of something else, whatever a user types. */
function checked(runId: string): string {
  if (!isValidExecutionName(runId))
    throw new RunNotFoundError(
      `\`${runId.slice(0, 100)}\` is not a run id (letters, digits, - and _, at most 80).`,
    );
  return runId;
}
