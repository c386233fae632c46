import { mkdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { InputError } from "../errors.ts";
import { isValidExecutionName } from "../events/execution-name.ts";
import { readJsonIfExists, writeFileAtomic } from "../local-files.ts";
import type { ApprovalStore, PendingApproval } from "./approvals.ts";

/** Pending approvals as files (`.plinth/approvals/<run id>.json`, mode 0600: they hold tokens). */
export class LocalApprovalStore implements ApprovalStore {
  readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
  }

  async put(approval: PendingApproval): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    await writeFileAtomic(this.#path(approval.runId), JSON.stringify(approval), 0o600);
  }

  async get(runId: string): Promise<PendingApproval | undefined> {
    return readJsonIfExists<PendingApproval>(this.#path(runId));
  }

  async delete(runId: string): Promise<void> {
    await rm(this.#path(runId), { force: true });
  }

  #path(runId: string): string {
    if (!isValidExecutionName(runId)) throw new InputError(`\`${runId.slice(0, 100)}\` is not a run id.`);
    return join(this.dir, `${runId}.json`);
  }
}
