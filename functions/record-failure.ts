import middy from "@middy/core";
import { RecordFailureInput } from "../schemas/generated/handlers.validate.js";
import type { AuditLog } from "../src/audit/audit-log.ts";
import { type FailureInput, type FailureRecord, recordFailure } from "../src/control/record-failure.ts";
import type { EventPublisher } from "../src/events/publisher.ts";
import { auditLog, eventPublisher, now } from "./aws-dependencies.ts";
import { readConfig } from "./config.ts";
import { lazy, validInput } from "./middleware.ts";

export interface RecordFailureDependencies {
  audit: AuditLog;
  publisher: EventPublisher;
  now: () => Date;
}

/** Where every Catch goes: audits the failed step and announces DeployFailed/DestroyFailed. */
export function createRecordFailureHandler(deps: () => RecordFailureDependencies) {
  return middy<FailureInput, FailureRecord>()
    .use(validInput(RecordFailureInput, "record-failure"))
    .handler(async (input) => recordFailure(input, deps()));
}

export const handler = createRecordFailureHandler(
  lazy(() => {
    const config = readConfig();
    return { audit: auditLog(config), publisher: eventPublisher(config), now };
  }),
);
