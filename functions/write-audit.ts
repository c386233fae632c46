import middy from "@middy/core";
import { Input } from "../schemas/generated/handlers/write-audit.validate.js";
import { type AuditDependencies, auditStep, type WorkflowAuditInput } from "../src/control/audit-trail.ts";
import { now } from "./aws/clock.ts";
import { stateStore } from "./aws/state.ts";
import { readConfig } from "./config.ts";
import { lazy, type Provide, validInput } from "./middleware.ts";

/** The audit writer: appends one record per call (its role may only PutItem, on audit items). */
export function createWriteAuditHandler(deps: Provide<AuditDependencies>) {
  return middy<WorkflowAuditInput, { id: string }>()
    .use(validInput(Input, "write-audit"))
    .handler(async (input) => ({ id: (await auditStep(input, await deps())).id }));
}

export const handler = createWriteAuditHandler(
  lazy(async () => ({ store: await stateStore(readConfig()), now })),
);
