import middy from "@middy/core";
import { Input } from "../schemas/generated/handlers/record-failure.validate.js";
import type { AuditDependencies } from "../src/control/audit-trail.ts";
import { type FailureInput, type FailureRecord, recordFailure } from "../src/control/record-failure.ts";
import type { EventPublisher } from "../src/events/publisher.ts";
import { eventPublisher } from "./aws/bus.ts";
import { now } from "./aws/clock.ts";
import { stateStore } from "./aws/state.ts";
import { readConfig } from "./config.ts";
import { lazy, type Provide, validInput } from "./middleware.ts";

export interface RecordFailureDependencies extends AuditDependencies {
  publisher: EventPublisher;
}

/** Where every failure ends: audits the failed step and announces DeployFailed/DestroyFailed. */
export function createRecordFailureHandler(deps: Provide<RecordFailureDependencies>) {
  return middy<FailureInput, FailureRecord>()
    .use(validInput(Input, "record-failure"))
    .handler(async (input) => recordFailure(input, await deps()));
}

export const handler = createRecordFailureHandler(
  lazy(async () => {
    const config = readConfig();
    return { store: await stateStore(config), publisher: eventPublisher(config), now };
  }),
);
