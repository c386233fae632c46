import { Input } from "../schemas/generated/handlers/start-workflow.validate.js";
import { type DeliveryLog, deliveriesIn } from "../src/control/github-webhook.ts";
import { type Delivery, dispatchEvent, type WorkflowStarter } from "../src/events/dispatch.ts";
import type { PlinthEvent } from "../src/events/envelope.ts";
import { InvalidEventError } from "../src/events/errors.ts";
import type { EventPublisher } from "../src/events/publisher.ts";
import { validateEvent } from "../src/events/validate-event.ts";
import { schemaProblems } from "../src/schema-problems.ts";
import { eventPublisher } from "./aws/bus.ts";
import { now } from "./aws/clock.ts";
import { stateStore } from "./aws/state.ts";
import { workflowStarter } from "./aws/step-functions.ts";
import { ConfigurationError, readConfig } from "./config.ts";
import { lazy } from "./middleware.ts";

/**
 * What the GCP and Azure entry points need: they are front doors to one control plane (by default the
 * AWS one: Step Functions, EventBridge, the state table), so a team on any cloud shares its runs,
 * approvals and audit trail.
 */
export interface FrontDoorDependencies {
  starter: WorkflowStarter;
  secret: () => Promise<string>;
  deliveries: DeliveryLog;
  publisher: EventPublisher;
}

export const awsFrontDoor = lazy(async (): Promise<FrontDoorDependencies> => {
  const config = readConfig();
  return {
    starter: await workflowStarter(config),
    secret: async () => {
      if (!config.webhookSecret) throw new ConfigurationError("PLINTH_WEBHOOK_SECRET is not mounted.");
      return config.webhookSecret;
    },
    deliveries: deliveriesIn(await stateStore(config), now),
    publisher: eventPublisher(config),
  };
});

/** start-workflow for an event that arrived as JSON text (a Pub/Sub message, an Event Grid delivery). */
export async function startFromJson(text: string, starter: WorkflowStarter): Promise<Delivery[]> {
  let event: unknown;
  try {
    event = JSON.parse(text);
  } catch {
    throw new InvalidEventError("The message is not a JSON event.");
  }
  const problems = schemaProblems(Input, event);
  if (problems.length > 0)
    throw new InvalidEventError(`The message is not an event: ${problems.join("; ")}.`);
  validateEvent(event, `Event ${(event as PlinthEvent).id}`);
  return dispatchEvent(event as PlinthEvent, starter);
}
