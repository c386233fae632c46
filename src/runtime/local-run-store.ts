import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { isValidExecutionName } from "../events/execution-name.ts";
import { readJsonIfExists, writeFileAtomic } from "../local-files.ts";
import { RunNotFoundError } from "./errors.ts";
import type { RunRecord, RunStore } from "./run-store.ts";

/**
 * Runs as JSON files in one directory (`.plinth/runs/<run id>.json`), so a CLI process that exits
 * while a run waits for approval and a later `plinth approve` meet through the file system.
 */
export class LocalRunStore implements RunStore {
  readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
  }

  async create(run: RunRecord): Promise<boolean> {
    await mkdir(this.dir, { recursive: true });
    try {
      // `wx` fails if the file exists: creating a run is atomic, so a redelivered event loses the race.
      await writeFile(this.#path(run.runId), JSON.stringify(run, null, 2), { flag: "wx" });
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
      throw error;
    }
  }

  async get(runId: string): Promise<RunRecord | undefined> {
    return readJsonIfExists<RunRecord>(this.#path(runId));
  }

  async put(run: RunRecord): Promise<void> {
    await writeFileAtomic(this.#path(run.runId), JSON.stringify(run, null, 2));
  }

  async list(): Promise<RunRecord[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
      throw error;
    }
    const runs = await Promise.all(
      names.filter((n) => n.endsWith(".json")).map((n) => this.get(n.slice(0, -".json".length))),
    );
    return runs
      .filter((r): r is RunRecord => r !== undefined)
      .sort((a, b) => a.startedAt.localeCompare(b.startedAt));
  }

  async claim(runId: string): Promise<boolean> {
    const lease = `${this.#path(runId)}.lease`;
    try {
      await writeFile(lease, String(process.pid), { flag: "wx" });
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    // A lease left by a process that died (killed during an approve) must not block the run forever.
    const holder = Number(await readFile(lease, "utf8").catch(() => "0"));
    if (holder > 0 && holder !== process.pid && !isAlive(holder)) {
      await rm(lease, { force: true });
      return this.claim(runId);
    }
    return false;
  }

  async release(runId: string): Promise<void> {
    await rm(`${this.#path(runId)}.lease`, { force: true });
  }

  #path(runId: string): string {
    // Run ids are execution names: never a path, whatever a user types after `plinth approve`.
    if (!isValidExecutionName(runId))
      throw new RunNotFoundError(
        `\`${runId.slice(0, 100)}\` is not a run id (letters, digits, - and _, at most 80).`,
      );
    return join(this.dir, `${runId}.json`);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
