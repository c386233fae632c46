import { readdir, readFile, rename, unlink } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import {
  appendDurable,
  createFileExclusive,
  parseJsonLines,
  readIfExists,
  writeFileAtomic,
} from "./durable-files.ts";
import { LockHeldError, RecordExistsError, StateCorruptError, VersionConflictError } from "./errors.ts";
import { isStale, newLock, processIsAlive, renewedLock } from "./lock-lease.ts";
import { checkKey, checkName } from "./state-key.ts";
import type { StateStore } from "./store.ts";
import type {
  AuditRecord,
  Checkpoint,
  JournalEntry,
  LockInfo,
  LockRequest,
  PutRecordOptions,
  StateKey,
  StoredRecord,
  VersionSummary,
} from "./types.ts";
import { summaryOf } from "./version-summary.ts";

export interface LocalFileStoreOptions {
  now?: () => Date;
  /** This machine's name, to recognise locks left by dead processes here. */
  host?: string;
  isAlive?: (pid: number) => boolean;
}

/**
 * State in a directory (by default `.plinth/` next to the spec):
 * ```
 * state/<app>/<env>/versions/00000001.json   one file per version, created once (link: no overwrite)
 * state/<app>/<env>/versions/index.jsonl     summaries for `plinth history`
 * state/<app>/<env>/journal.jsonl            the apply in progress, appended and fsynced per batch
 * state/<app>/<env>/audit.jsonl              append-only
 * state/<app>/<env>/lock.json                the write lock: holder, since, lease
 * records/<collection>/<id>.json             workflow runs, approval tokens…
 * ```
 * Files are written to a temporary name, fsynced and renamed, so a crash never leaves half a file.
 */
export class LocalFileStore implements StateStore {
  readonly description: string;
  readonly #root: string;
  readonly #now: () => Date;
  readonly #host: string;
  readonly #isAlive: (pid: number) => boolean;

  constructor(root: string, options: LocalFileStoreOptions = {}) {
    this.#root = root;
    this.description = `local ${root}`;
    this.#now = options.now ?? (() => new Date());
    this.#host = options.host ?? hostname();
    this.#isAlive = options.isAlive ?? processIsAlive;
  }

  #dir(key: StateKey): string {
    checkKey(key);
    return join(this.#root, "state", key.app, key.env);
  }

  #versionFile(key: StateKey, version: number): string {
    return join(this.#dir(key), "versions", `${String(version).padStart(8, "0")}.json`);
  }

  async #versionNumbers(key: StateKey): Promise<number[]> {
    let names: string[];
    try {
      names = await readdir(join(this.#dir(key), "versions"));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
      throw error;
    }
    return names
      .filter((n) => /^\d{8}\.json$/.test(n))
      .map((n) => Number(n.slice(0, 8)))
      .sort((a, b) => a - b);
  }

  async latestVersion(key: StateKey): Promise<number> {
    return (await this.#versionNumbers(key)).at(-1) ?? 0;
  }

  async readCheckpoint(key: StateKey, version?: number): Promise<Checkpoint | undefined> {
    const wanted = version ?? (await this.latestVersion(key));
    if (wanted === 0) return undefined;
    const file = this.#versionFile(key, wanted);
    const text = await readIfExists(file);
    if (text === undefined) return undefined;
    return parseJson<Checkpoint>(text, file);
  }

  async listVersions(key: StateKey): Promise<VersionSummary[]> {
    const indexFile = join(this.#dir(key), "versions", "index.jsonl");
    const indexed = parseJsonLines<VersionSummary>((await readIfExists(indexFile)) ?? "", (line) =>
      corrupt(`${indexFile}:${line}`),
    );
    const byVersion = new Map(indexed.map((s) => [s.version, s]));
    // A crash between writing a version and indexing it leaves it out of the index: read it.
    for (const version of await this.#versionNumbers(key)) {
      if (byVersion.has(version)) continue;
      const checkpoint = await this.readCheckpoint(key, version);
      if (checkpoint) byVersion.set(version, summaryOf(checkpoint));
    }
    return [...byVersion.values()].sort((a, b) => a.version - b.version);
  }

  async commitCheckpoint(key: StateKey, checkpoint: Checkpoint): Promise<void> {
    const latest = await this.latestVersion(key);
    if (checkpoint.version !== latest + 1) {
      throw new VersionConflictError(
        `State of \`${key.env}\` is at version ${latest}; version ${checkpoint.version} cannot follow it.`,
      );
    }
    const created = await createFileExclusive(
      this.#versionFile(key, checkpoint.version),
      JSON.stringify(checkpoint),
    );
    if (!created) {
      throw new VersionConflictError(
        `Version ${checkpoint.version} of \`${key.env}\` was written by another run in the meantime.`,
      );
    }
    await appendDurable(
      join(this.#dir(key), "versions", "index.jsonl"),
      `${JSON.stringify(summaryOf(checkpoint))}\n`,
    );
  }

  async appendJournal(key: StateKey, entries: JournalEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const text = entries.map((e) => `${JSON.stringify(e)}\n`).join("");
    await appendDurable(join(this.#dir(key), "journal.jsonl"), text);
  }

  async readJournal(key: StateKey): Promise<JournalEntry[]> {
    const file = join(this.#dir(key), "journal.jsonl");
    return parseJsonLines<JournalEntry>((await readIfExists(file)) ?? "", (line) =>
      corrupt(`${file}:${line}`),
    );
  }

  async clearJournal(key: StateKey, throughVersion: number): Promise<void> {
    const kept = (await this.readJournal(key)).filter((e) => e.base > throughVersion);
    const file = join(this.#dir(key), "journal.jsonl");
    if (kept.length === 0) await unlink(file).catch(ignoreMissing);
    else await writeFileAtomic(file, kept.map((e) => `${JSON.stringify(e)}\n`).join(""));
  }

  async acquireLock(key: StateKey, request: LockRequest): Promise<LockInfo> {
    const file = join(this.#dir(key), "lock.json");
    for (let attempt = 0; attempt < 3; attempt++) {
      const lock = newLock(request, this.#now());
      if (await createFileExclusive(file, JSON.stringify(lock))) return lock;
      const held = await this.readLock(key);
      if (!held) continue; // released in between
      if (!isStale(held, this.#now(), this.#host, this.#isAlive)) throw new LockHeldError(key.env, held);
      await this.#takeOver(file, held);
    }
    const held = await this.readLock(key);
    if (held) throw new LockHeldError(key.env, held);
    throw new LockHeldError(key.env, newLock({ ...request, holder: "another run" }, this.#now()));
  }

  /**
   * Removes a stale lock without removing a fresh one taken in between: the file is moved aside (only
   * one mover succeeds), checked to be the stale lock, and put back if it is not.
   */
  async #takeOver(file: string, stale: LockInfo): Promise<void> {
    const aside = `${file}.${stale.id}.${process.pid}.stale`;
    try {
      await rename(file, aside);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
      throw error;
    }
    const moved = parseJson<LockInfo>(await readFile(aside, "utf8"), aside);
    if (moved.id === stale.id) await unlink(aside).catch(ignoreMissing);
    else await rename(aside, file);
  }

  async renewLock(key: StateKey, lock: LockInfo): Promise<LockInfo> {
    const held = await this.readLock(key);
    if (held?.id !== lock.id) throw new LockHeldError(key.env, held ?? lock);
    const renewed = renewedLock(lock, this.#now(), Date.parse(lock.expiresAt) - Date.parse(lock.since));
    await writeFileAtomic(join(this.#dir(key), "lock.json"), JSON.stringify(renewed));
    return renewed;
  }

  async releaseLock(key: StateKey, lock: LockInfo): Promise<void> {
    const held = await this.readLock(key);
    if (held?.id === lock.id) await unlink(join(this.#dir(key), "lock.json")).catch(ignoreMissing);
  }

  async readLock(key: StateKey): Promise<LockInfo | undefined> {
    const file = join(this.#dir(key), "lock.json");
    const text = await readIfExists(file);
    return text === undefined ? undefined : parseJson<LockInfo>(text, file);
  }

  async appendAudit(key: StateKey, record: AuditRecord): Promise<void> {
    if ((await this.listAudit(key)).some((r) => r.id === record.id)) {
      throw new RecordExistsError(`Audit record ${record.id} exists; audit records are never rewritten.`);
    }
    await appendDurable(join(this.#dir(key), "audit.jsonl"), `${JSON.stringify(record)}\n`);
  }

  async listAudit(key: StateKey): Promise<AuditRecord[]> {
    const file = join(this.#dir(key), "audit.jsonl");
    const records = parseJsonLines<AuditRecord>((await readIfExists(file)) ?? "", (line) =>
      corrupt(`${file}:${line}`),
    );
    return records.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  }

  #recordFile(collection: string, id: string): string {
    checkName("Collection", collection);
    return join(this.#root, "records", collection, `${Buffer.from(id).toString("base64url")}.json`);
  }

  async putRecord(record: StoredRecord, options: PutRecordOptions = {}): Promise<void> {
    const file = this.#recordFile(record.collection, record.id);
    const stored: StoredRecord = {
      ...record,
      ...(options.expiresAt ? { expiresAt: options.expiresAt } : {}),
    };
    const text = JSON.stringify(stored);
    if (!options.ifAbsent) return writeFileAtomic(file, text);
    if (await createFileExclusive(file, text)) return;
    if ((await this.getRecord(record.collection, record.id)) === undefined) {
      await writeFileAtomic(file, text); // the existing one had expired
      return;
    }
    throw new RecordExistsError(`Record ${record.collection}/${record.id} exists already.`);
  }

  async getRecord(collection: string, id: string): Promise<StoredRecord | undefined> {
    const file = this.#recordFile(collection, id);
    const text = await readIfExists(file);
    if (text === undefined) return undefined;
    const record = parseJson<StoredRecord>(text, file);
    return this.#live(record) ? record : undefined;
  }

  async listRecords(collection: string): Promise<StoredRecord[]> {
    const directory = join(this.#root, "records", checkName("Collection", collection));
    let names: string[];
    try {
      names = await readdir(directory);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
      throw error;
    }
    const records = await Promise.all(
      names
        .filter((n) => n.endsWith(".json") && !n.startsWith("."))
        .map(async (n) => parseJson<StoredRecord>(await readFile(join(directory, n), "utf8"), n)),
    );
    return records.filter((r) => this.#live(r)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  async deleteRecord(collection: string, id: string): Promise<void> {
    await unlink(this.#recordFile(collection, id)).catch(ignoreMissing);
  }

  #live(record: StoredRecord): boolean {
    return record.expiresAt === undefined || Date.parse(record.expiresAt) > this.#now().getTime();
  }
}

function parseJson<T>(text: string, file: string): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return corrupt(file);
  }
}

function corrupt(where: string): never {
  throw new StateCorruptError(`${where} is not valid plinth state; it was not changed.`, {
    hint: "Restore it from a backup or a previous version; plinth does not guess.",
  });
}

function ignoreMissing(error: NodeJS.ErrnoException): void {
  if (error.code !== "ENOENT") throw error;
}
