import middy from "@middy/core";
import type { APIGatewayProxyEventV2WithIAMAuthorizer, APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { approvalsIn } from "../src/control/approvals.ts";
import {
  type DecisionDependencies,
  decideApproval,
  NoPendingApprovalError,
  parseApprovalRoute,
} from "../src/control/decide-approval.ts";
import { now } from "./aws/clock.ts";
import { stateStore } from "./aws/state.ts";
import { taskTokens } from "./aws/step-functions.ts";
import { readConfig } from "./config.ts";
import { json, rawBody } from "./http.ts";
import { lazy, type Provide } from "./middleware.ts";

/** Function URL (AWS_IAM auth): POST /approvals/<run id>/approve|reject; the approver is the signed caller. */
export function createApprovalDecisionHandler(deps: Provide<DecisionDependencies>) {
  return middy<APIGatewayProxyEventV2WithIAMAuthorizer, APIGatewayProxyStructuredResultV2>().handler(
    async (event) => {
      const route = parseApprovalRoute(event.requestContext.http.method, event.rawPath, rawBody(event));
      if (!route.ok) return json(route.status, { message: route.message });
      const principal = event.requestContext.authorizer?.iam?.userArn;
      if (!principal) return json(403, { message: "The caller is not authenticated." });
      const { ok: _ok, ...decision } = route;
      try {
        return json(200, await decideApproval({ ...decision, principal }, await deps()));
      } catch (error) {
        if (error instanceof NoPendingApprovalError) return json(409, { message: error.message });
        throw error;
      }
    },
  );
}

export const handler = createApprovalDecisionHandler(
  lazy(async () => {
    const config = readConfig();
    return { approvals: approvalsIn(await stateStore(config)), tasks: await taskTokens(config), now };
  }),
);
