import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { InputError } from "../errors.ts";
import { isValidExecutionName } from "../events/execution-name.ts";
import type { ApprovalStore, PendingApproval } from "./approvals.ts";

/** Pending approvals as files (`.plinth/approvals/<run id>.json`, mode 0600: they hold tokens). */
export class LocalApprovalStore implements ApprovalStore {
  readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
  }

  async put(approval: PendingApproval): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const path = this.#path(approval.runId);
    await writeFile(`${path}.tmp`, JSON.stringify(approval), { mode: 0o600 });
    await rename(`${path}.tmp`, path);
  }

  async get(runId: string): Promise<PendingApproval | undefined> {
    try {
      return JSON.parse(await readFile(this.#path(runId), "utf8")) as PendingApproval;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw error;
    }
  }

  async delete(runId: string): Promise<void> {
    await rm(this.#path(runId), { force: true });
  }

  #path(runId: string): string {
    if (!isValidExecutionName(runId)) throw new InputError(`\`${runId.slice(0, 100)}\` is not a run id.`);
    return join(this.dir, `${runId}.json`);
  }
}
