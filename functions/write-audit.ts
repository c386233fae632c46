import middy from "@middy/core";
import { WriteAuditInput } from "../schemas/generated/handlers.validate.js";
import type { AuditLog } from "../src/audit/audit-log.ts";
import { type AuditStepInput, auditStep } from "../src/control/audit-step.ts";
import { auditLog, now } from "./aws-dependencies.ts";
import { readConfig } from "./config.ts";
import { lazy, validInput } from "./middleware.ts";

/** The audit writer: appends one record per call (its role may only PutItem on the audit table). */
export function createWriteAuditHandler(deps: () => { audit: AuditLog; now: () => Date }) {
  return middy<AuditStepInput, { id: string }>()
    .use(validInput(WriteAuditInput, "write-audit"))
    .handler(async (input) => ({ id: (await auditStep(input, deps())).id }));
}

export const handler = createWriteAuditHandler(lazy(() => ({ audit: auditLog(readConfig()), now })));
