import middy from "@middy/core";
import { Input } from "../schemas/generated/handlers/start-workflow.validate.js";
import { type Delivery, dispatchEvent, type WorkflowStarter } from "../src/events/dispatch.ts";
import type { PlinthEvent } from "../src/events/envelope.ts";
import { validateEvent } from "../src/events/validate-event.ts";
import { workflowStarter } from "./aws/step-functions.ts";
import { readConfig } from "./config.ts";
import { lazy, type Provide, validInput } from "./middleware.ts";

export interface StartWorkflowDependencies {
  starter: WorkflowStarter;
}

/**
 * Bus subscription target: starts the workflow each matching route names, as an execution named after
 * the event id, so a redelivered event starts nothing new.
 */
export function createStartWorkflowHandler(deps: Provide<StartWorkflowDependencies>) {
  return middy<PlinthEvent, { deliveries: Delivery[] }>()
    .use(validInput(Input, "start-workflow"))
    .handler(async (event) => {
      validateEvent(event, `Event ${event.id}`);
      return { deliveries: await dispatchEvent(event, (await deps()).starter) };
    });
}

export const handler = createStartWorkflowHandler(
  lazy(async () => ({ starter: await workflowStarter(readConfig()) })),
);
