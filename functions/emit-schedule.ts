import middy from "@middy/core";
import { Envelope } from "../schemas/generated/events.validate.js";
import type { EventInput } from "../src/events/envelope.ts";
import type { EventPublisher } from "../src/events/publisher.ts";
import { eventPublisher } from "./aws/bus.ts";
import { readConfig } from "./config.ts";
import { lazy, type Provide, validInput } from "./middleware.ts";

/** A schedule's target (CronV2): puts the schedule's event (ScanRequested…) on the bus. */
export function createEmitScheduleHandler(deps: Provide<{ publisher: EventPublisher }>) {
  return middy<EventInput, { id: string }>()
    .use(validInput(Envelope, "emit-schedule"))
    .handler(async (event) => ({ id: await (await deps()).publisher.publish(event) }));
}

export const handler = createEmitScheduleHandler(lazy(() => ({ publisher: eventPublisher(readConfig()) })));
