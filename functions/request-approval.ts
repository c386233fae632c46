import middy from "@middy/core";
import { Input } from "../schemas/generated/handlers/request-approval.validate.js";
import {
  type ApprovalRequest,
  type ApprovalStore,
  approvalsIn,
  requestApproval,
} from "../src/control/approvals.ts";
import type { EventPublisher } from "../src/events/publisher.ts";
import { eventPublisher } from "./aws/bus.ts";
import { now } from "./aws/clock.ts";
import { stateStore } from "./aws/state.ts";
import { readConfig } from "./config.ts";
import { lazy, type Provide, validInput } from "./middleware.ts";

export interface RequestApprovalDependencies {
  approvals: ApprovalStore;
  publisher: EventPublisher;
  now: () => Date;
}

/** The `.waitForTaskToken` task: keeps the token for approve/reject and announces ApprovalRequested. */
export function createRequestApprovalHandler(deps: Provide<RequestApprovalDependencies>) {
  return middy<ApprovalRequest, { expiresAt: string; event: string }>()
    .use(validInput(Input, "request-approval"))
    .handler(async (request) => requestApproval(request, await deps()));
}

export const handler = createRequestApprovalHandler(
  lazy(async () => {
    const config = readConfig();
    return { approvals: approvalsIn(await stateStore(config)), publisher: eventPublisher(config), now };
  }),
);
