import middy from "@middy/core";
import type { APIGatewayProxyEventV2WithIAMAuthorizer, APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import type { ApprovalStore } from "../src/control/approvals.ts";
import {
  decideApproval,
  NoPendingApprovalError,
  parseApprovalRoute,
  type TaskTokenSink,
} from "../src/control/decide-approval.ts";
import { approvalStore, now, taskTokens } from "./aws-dependencies.ts";
import { readConfig } from "./config.ts";
import { json, rawBody } from "./http.ts";
import { lazy } from "./middleware.ts";

export interface ApprovalDecisionDependencies {
  approvals: ApprovalStore;
  tasks: TaskTokenSink;
  now: () => Date;
}

/** Function URL (AWS_IAM auth): POST /approvals/<run id>/approve|reject; the approver is the signed caller. */
export function createApprovalDecisionHandler(deps: () => ApprovalDecisionDependencies) {
  return middy<APIGatewayProxyEventV2WithIAMAuthorizer, APIGatewayProxyStructuredResultV2>().handler(
    async (event) => {
      const route = parseApprovalRoute(event.requestContext.http.method, event.rawPath, rawBody(event));
      if (!route.ok) return json(route.status, { message: route.message });
      const principal = event.requestContext.authorizer?.iam?.userArn;
      if (!principal) return json(403, { message: "The caller is not authenticated." });
      const { runId, approved, comment } = route;
      try {
        return json(
          200,
          await decideApproval({ runId, approved, principal, ...(comment ? { comment } : {}) }, deps()),
        );
      } catch (error) {
        if (error instanceof NoPendingApprovalError) return json(409, { message: error.message });
        throw error;
      }
    },
  );
}

export const handler = createApprovalDecisionHandler(
  lazy(() => {
    const config = readConfig();
    return { approvals: approvalStore(config), tasks: taskTokens(config), now };
  }),
);
