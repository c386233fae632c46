import { type AuditLog, type AuditRecord, AuditRecordExistsError } from "./audit-log.ts";

/** An audit log in memory, for tests and single-process embedding. */
export class MemoryAuditLog implements AuditLog {
  readonly records: AuditRecord[] = [];

  async append(record: AuditRecord): Promise<void> {
    if (this.records.some((r) => r.id === record.id))
      throw new AuditRecordExistsError(`Audit record ${record.id} exists.`);
    this.records.push(structuredClone(record));
  }

  async ofRun(runId: string): Promise<AuditRecord[]> {
    return this.records.filter((r) => r.runId === runId).sort((a, b) => a.at.localeCompare(b.at));
  }
}
