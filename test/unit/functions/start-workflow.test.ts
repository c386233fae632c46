import assert from "node:assert/strict";
import { beforeEach, describe, test } from "node:test";
import { SFNClient, StartExecutionCommand } from "@aws-sdk/client-sfn";
import { mockClient } from "aws-sdk-client-mock";
import { lambdaContext } from "../../../functions/local.ts";
import { InvalidTaskInputError } from "../../../functions/middleware.ts";
import { createStartWorkflowHandler } from "../../../functions/start-workflow.ts";
import { WorkflowServiceUnavailableError } from "../../../src/runtime/errors.ts";
import { SfnWorkflowStarter } from "../../../src/runtime/sfn-starter.ts";

// A unit test of the thin adapter (handler → SfnWorkflowStarter → StartExecution); the same path
// runs against moto's Step Functions in test/integration/control/start-workflow.test.ts.
const sfn = mockClient(SFNClient);
const arn = "arn:aws:states:us-east-1:123456789012:stateMachine:plinth-deploy";
const handler = createStartWorkflowHandler(() => ({
  starter: new SfnWorkflowStarter({
    client: new SFNClient({ region: "us-east-1" }),
    stateMachines: { deploy: arn },
  }),
}));
const event = {
  version: "0",
  id: "6a7e8feb-b491-4cf7-a9f1-bf3703467718",
  "detail-type": "DeployRequested",
  source: "plinth.ci",
  account: "123456789012",
  time: "2026-11-27T10:00:00Z",
  region: "us-east-1",
  resources: [],
  detail: { app: "shop", env: "dev", principal: "ci", commit: "0123abcd" },
};
const invoke = (e: unknown) => handler(e as never, lambdaContext("start-workflow"));

describe("start-workflow (aws-sdk-client-mock)", () => {
  beforeEach(() => sfn.reset());

  test("starts the routed workflow as an execution named after the event id, with the event as input", async () => {
    sfn.on(StartExecutionCommand).resolves({ executionArn: `${arn}:x`, startDate: new Date() });
    const result = await invoke(event);
    assert.deepEqual(result, {
      deliveries: [
        { route: "deploy-requested", workflow: "deploy", runId: `deploy-${event.id}`, started: true },
      ],
    });
    const calls = sfn.commandCalls(StartExecutionCommand);
    assert.equal(calls.length, 1);
    assert.deepEqual(calls[0]?.args[0].input, {
      stateMachineArn: arn,
      name: `deploy-${event.id}`,
      input: JSON.stringify(event),
    });
  });

  test("a redelivery (ExecutionAlreadyExists) starts nothing and succeeds", async () => {
    sfn
      .on(StartExecutionCommand)
      .rejects(Object.assign(new Error("Execution Already Exists"), { name: "ExecutionAlreadyExists" }));
    const result = await invoke(event);
    assert.equal(result.deliveries[0]?.started, false);
  });

  test("throttling becomes WorkflowServiceUnavailableError, which Retry matches", async () => {
    sfn
      .on(StartExecutionCommand)
      .rejects(Object.assign(new Error("Rate exceeded"), { name: "ThrottlingException" }));
    await assert.rejects(invoke(event), (error: Error) => {
      assert.ok(error instanceof WorkflowServiceUnavailableError);
      assert.equal(error.name, "WorkflowServiceUnavailableError");
      return true;
    });
  });

  test("an event without an id, or not a plinth event, is refused before any call", async () => {
    const { id: _id, ...withoutId } = event;
    await assert.rejects(invoke(withoutId), InvalidTaskInputError);
    await assert.rejects(invoke({ ...event, source: "aws.s3" }), /source must match pattern/);
    await assert.rejects(
      invoke({ ...event, detail: { ...event.detail, app: "${jndi:ldap://x}" } }),
      /detail.app must match pattern/,
    );
    assert.equal(sfn.commandCalls(StartExecutionCommand).length, 0);
  });

  test("an event no route takes starts nothing", async () => {
    const outcome = {
      ...event,
      source: "plinth.control",
      "detail-type": "DeploySucceeded",
      detail: { app: "shop", env: "dev", runId: "deploy-1", version: 2 },
    };
    assert.deepEqual(await invoke(outcome), { deliveries: [] });
    assert.equal(sfn.commandCalls(StartExecutionCommand).length, 0);
  });
});
