import { type AuditLog, type AuditRecord, auditId } from "../audit/audit-log.ts";

export type AuditStepInput = Omit<AuditRecord, "id" | "at">;

/** Appends one audit record for a workflow step, stamped with the clock's time. */
export async function auditStep(
  input: AuditStepInput,
  deps: { audit: AuditLog; now: () => Date },
): Promise<AuditRecord> {
  const at = deps.now();
  const record: AuditRecord = { id: auditId(at), at: at.toISOString(), ...input };
  await deps.audit.append(record);
  return record;
}
