import { appendFile, mkdir, readFile } from "node:fs/promises";
import { dirname } from "node:path";
import type { AuditLog, AuditRecord } from "./audit-log.ts";

/**
 * The embedded audit trail: one JSON line per record appended to `.plinth/audit.jsonl` (O_APPEND: a
 * record is never rewritten, and concurrent writers do not interleave lines of this size).
 */
export class FileAuditLog implements AuditLog {
  readonly file: string;

  constructor(file: string) {
    this.file = file;
  }

  async append(record: AuditRecord): Promise<void> {
    await mkdir(dirname(this.file), { recursive: true });
    await appendFile(this.file, `${JSON.stringify(record)}\n`, { flag: "a" });
  }

  async ofRun(runId: string): Promise<AuditRecord[]> {
    let text: string;
    try {
      text = await readFile(this.file, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
      throw error;
    }
    return text
      .split("\n")
      .filter((line) => line.length > 0)
      .map((line) => JSON.parse(line) as AuditRecord)
      .filter((r) => r.runId === runId)
      .sort((a, b) => a.at.localeCompare(b.at));
  }
}
