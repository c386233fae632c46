import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import validateAsl from "asl-validator";
import { StateMachine } from "aws-local-stepfunctions";
import { WORKFLOWS_DIR } from "../../../functions/local.ts";
import { ArtifactStoreUnavailableError } from "../../../src/artifacts/artifact-store.ts";
import { EventBusUnavailableError } from "../../../src/events/eventbridge-publisher.ts";
import { InvalidWorkflowError, WorkflowServiceUnavailableError } from "../../../src/runtime/errors.ts";
import {
  type AslDefinition,
  type AslState,
  bindWorkflow,
  listWorkflows,
  loadWorkflow,
} from "../../../src/runtime/workflow-definition.ts";
import { StateStoreUnavailableError } from "../../../src/state/errors.ts";

const workflows = listWorkflows(WORKFLOWS_DIR);
/** Errors of the Lambda service itself: the function did not run, or did not answer. */
const LAMBDA_TRANSIENT = [
  "Lambda.ServiceException",
  "Lambda.AWSLambdaException",
  "Lambda.SdkClientException",
  "Lambda.TooManyRequestsException",
];
/** plinth's retryable error classes that leave a handler: every task retries them, and nothing else. */
const PLINTH_TRANSIENT = [
  ArtifactStoreUnavailableError,
  EventBusUnavailableError,
  StateStoreUnavailableError,
  WorkflowServiceUnavailableError,
].map((E) => new E("x"));
/** Retryable classes that never leave a handler as themselves, and why. */
const RETRIED_INSIDE: Record<string, string> = {
  AwsThrottlingError:
    "the SDK and the engine retry each call; the state store turns what outlasts them into StateStoreUnavailableError",
  AwsServiceError: "as AwsThrottlingError",
  AwsEventualConsistencyError: "the engine retries the resource until it settles; then the resource failed",
  OpaUnavailableError:
    "OPA servers are a `plinth policy check` option; the deploy gate runs the built-in and CEL rules",
};

/** Every class in src/ declared `readonly retryable = true`. */
function retryableClasses(dir = new URL("../../../src/", import.meta.url).pathname): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return retryableClasses(path);
    if (!entry.name.endsWith(".ts")) return [];
    return [
      ...readFileSync(path, "utf8").matchAll(/class (\w+) extends \w+ \{[^}]*?readonly retryable = true/g),
    ].map((m) => m[1] as string);
  });
}

test("every retryable error class in src/ is retried by the workflows, or is retried before it could leave a handler", () => {
  const found = retryableClasses();
  assert.ok(found.length >= 8, found.join(", "));
  for (const name of found)
    assert.ok(
      PLINTH_TRANSIENT.some((e) => e.name === name) || name in RETRIED_INSIDE,
      `${name} is retryable: add it to the workflows' Retry lists (and this test), or say why not`,
    );
});

function allStates(definition: AslDefinition): Array<[string, AslState]> {
  return Object.entries(definition.States).flatMap(([name, state]) => {
    const inner = (state.ItemProcessor ?? state.Iterator) as AslDefinition | undefined;
    return [[name, state] as [string, AslState], ...(inner ? allStates(inner) : [])];
  });
}

test("the workflows are deploy, destroy and scheduled-scan", () => {
  assert.deepEqual(workflows, ["deploy", "destroy", "scheduled-scan"]);
});

for (const name of workflows) {
  describe(`workflows/${name}.asl.json`, () => {
    const definition = JSON.parse(readFileSync(`${WORKFLOWS_DIR}/${name}.asl.json`, "utf8")) as AslDefinition;

    test("is valid ASL (asl-validator) and loads in the embedded runner, JSONPath only", () => {
      const result = validateAsl(definition);
      assert.ok(result.isValid, JSON.stringify(result.errors));
      assert.ok(!JSON.stringify(definition).includes("JSONata"));
      assert.doesNotThrow(() => new StateMachine(definition as never));
      loadWorkflow(WORKFLOWS_DIR, name);
    });

    test("retries only named transient errors, with backoff and full jitter", () => {
      for (const [state, s] of allStates(definition)) {
        for (const retrier of (s.Retry ?? []) as Array<Record<string, unknown>>) {
          const names = retrier.ErrorEquals as string[];
          assert.ok(
            !names.includes("States.ALL") && !names.includes("States.TaskFailed"),
            `${state} retries everything`,
          );
          for (const n of names)
            assert.ok(
              LAMBDA_TRANSIENT.includes(n) || PLINTH_TRANSIENT.some((e) => e.name === n),
              `${state} retries ${n}`,
            );
          assert.ok((retrier.BackoffRate as number) >= 2, `${state} backs off`);
          assert.equal(retrier.JitterStrategy, "FULL", `${state} jitters`);
          assert.ok((retrier.MaxAttempts as number) <= 3 && (retrier.MaxDelaySeconds as number) <= 60);
        }
      }
    });

    test("every plinth transient error is retried wherever a function task retries", () => {
      for (const [state, s] of allStates(definition)) {
        if (
          s.Type !== "Task" ||
          !String(s.Resource).startsWith("${function:") ||
          ["Apply", "Destroy", "RollBack"].includes(state)
        )
          continue;
        const retried = ((s.Retry ?? []) as Array<{ ErrorEquals: string[] }>).flatMap((r) => r.ErrorEquals);
        for (const error of PLINTH_TRANSIENT) {
          assert.equal(error.retryable, true);
          assert.ok(retried.includes(error.name), `${state} does not retry ${error.name}`);
        }
      }
    });

    test("every task that can fail is caught into RecordFailure (an apply via its rollback), which ends in Fail", () => {
      for (const [state, s] of Object.entries(definition.States)) {
        if (s.Type !== "Task" && s.Type !== "Map") continue;
        if (["RecordFailure", "RollBack", "AuditNoChanges", "AnnounceSucceeded"].includes(state)) continue;
        const catchers = (s.Catch ?? []) as Array<{
          ErrorEquals: string[];
          Next: string;
          ResultPath: string;
        }>;
        const next = state === "Apply" ? "RollBackOnFailure" : "RecordFailure";
        assert.ok(
          catchers.some((c) => c.ErrorEquals.includes("States.ALL") && c.Next === next),
          `${state} is not caught into ${next}`,
        );
        assert.ok(
          catchers.every((c) => c.ResultPath === `$.failure.${state}`),
          `${state} records its own name`,
        );
      }
      if (definition.States.RollBackOnFailure) {
        assert.equal(definition.States.RollBackOnFailure.Default, "RecordFailure");
        assert.equal(definition.States.RollBack?.Next, "RecordFailure");
        assert.deepEqual(
          ((definition.States.RollBack?.Catch ?? []) as Array<{ Next: string; ResultPath: string }>).map(
            (c) => [c.Next, c.ResultPath],
          ),
          [["RecordFailure", "$.failure.Apply.rollbackError"]],
        );
      }
      assert.equal(definition.States.RecordFailure?.Next, "Failed");
      assert.equal(definition.States.Failed?.Type, "Fail");
    });

    test("writes an audit record at the start (when scoped to an app) and at every end", () => {
      const audits = Object.entries(definition.States).filter(
        ([, s]) => s.Resource === "${function:write-audit}",
      );
      const outcomes = audits.map(([, s]) => (s.Parameters as { outcome: string }).outcome);
      if (name !== "scheduled-scan") assert.ok(outcomes.includes("started") && outcomes.includes("skipped"));
      assert.ok(outcomes.includes("succeeded"));
      assert.equal(definition.States.RecordFailure?.Resource, "${function:record-failure}");
    });
  });
}

describe("deploy and destroy", () => {
  for (const name of ["deploy", "destroy"]) {
    const definition = JSON.parse(readFileSync(`${WORKFLOWS_DIR}/${name}.asl.json`, "utf8")) as AslDefinition;
    const step = name === "deploy" ? "Apply" : "Destroy";

    test(`${name}: ${step} is never retried blindly: only a throttled invocation (the function never ran)`, () => {
      const retry = definition.States[step]?.Retry as Array<{ ErrorEquals: string[] }>;
      assert.deepEqual(
        retry.flatMap((r) => r.ErrorEquals),
        ["Lambda.TooManyRequestsException"],
      );
    });

    test(`${name}: the approval waits for a task token, with a timeout, and runs only when the plan asks`, () => {
      const approval = definition.States.RequestApproval as AslState;
      assert.equal(approval.Resource, "arn:aws:states:::lambda:invoke.waitForTaskToken");
      assert.ok((approval.TimeoutSeconds as number) > 0 && (approval.TimeoutSeconds as number) <= 7 * 86400);
      assert.equal(
        (approval.Parameters as { Payload: Record<string, string> }).Payload["token.$"],
        "$$.Task.Token",
      );
      const choices = (definition.States.HasChanges?.Choices ?? []) as Array<{
        Variable: string;
        Next: string;
      }>;
      assert.ok(
        choices.some((c) => c.Variable === "$.plan.requiresApproval" && c.Next === "RequestApproval"),
      );
      assert.deepEqual(loadWorkflow(WORKFLOWS_DIR, name).approvals, ["RequestApproval"]);
    });
  }

  test("deploy: policy and budget gates stop the run through the failure path", () => {
    const definition = loadWorkflow(WORKFLOWS_DIR, "deploy").definition;
    for (const [gate, blocked] of [
      ["PolicyGate", "PolicyBlocked"],
      ["BudgetGate", "BudgetBlocked"],
    ] as const) {
      assert.equal(definition.States[gate]?.Type, "Choice");
      assert.equal(definition.States[blocked]?.Next, "RecordFailure");
    }
    const order = [
      "AuditStarted",
      "Codegen",
      "PolicyCheck",
      "PolicyGate",
      "CostEstimate",
      "BudgetGate",
      "Plan",
      "HasChanges",
    ];
    for (let i = 0; i < order.length - 1; i++) {
      const s = definition.States[order[i] as string] as AslState;
      assert.ok(s.Next === order[i + 1] || s.Default === order[i + 1], `${order[i]} → ${order[i + 1]}`);
    }
  });
});

describe("what the embedded runner refuses", () => {
  const bind = (States: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    bindWorkflow("t", "t.asl.json", { StartAt: Object.keys(States)[0], States, ...extra } as AslDefinition);
  const cases: Array<[string, () => unknown, RegExp]> = [
    [
      "JSONata",
      () => bind({ A: { Type: "Pass", End: true } }, { QueryLanguage: "JSONata" }),
      /uses JSONata; plinth workflows are JSONPath only/,
    ],
    [
      "a raw Lambda ARN",
      () => bind({ A: { Type: "Task", Resource: "arn:aws:lambda:us-east-1:1:function:x", End: true } }),
      /use \$\{function:NAME\}/,
    ],
    [
      "an approval without a timeout",
      () =>
        bind({
          A: {
            Type: "Task",
            Resource: "arn:aws:states:::lambda:invoke.waitForTaskToken",
            Parameters: { FunctionName: "${function:request-approval}" },
            End: true,
          },
        }),
      /needs a TimeoutSeconds/,
    ],
    [
      "an approval inside a Map",
      () =>
        bind({
          M: {
            Type: "Map",
            ItemProcessor: {
              StartAt: "A",
              States: {
                A: {
                  Type: "Task",
                  Resource: "arn:aws:states:::lambda:invoke.waitForTaskToken",
                  Parameters: { FunctionName: "${function:x}" },
                  TimeoutSeconds: 60,
                  End: true,
                },
              },
            },
            End: true,
          },
        }),
      /must be top-level/,
    ],
    [
      "a distributed Map",
      () =>
        bind({
          M: {
            Type: "Map",
            ItemProcessor: {
              ProcessorConfig: { Mode: "DISTRIBUTED" },
              StartAt: "A",
              States: { A: { Type: "Pass", End: true } },
            },
            End: true,
          },
        }),
      /DISTRIBUTED/,
    ],
    [
      "two tasks of one name",
      () =>
        bind({
          A: { Type: "Task", Resource: "${function:x}", Next: "M" },
          M: {
            Type: "Map",
            ItemProcessor: {
              StartAt: "A",
              States: { A: { Type: "Task", Resource: "${function:y}", End: true } },
            },
            End: true,
          },
        }),
      /two Task states are named A/,
    ],
    [
      "a workflow name that is a path",
      () => loadWorkflow(WORKFLOWS_DIR, "../package"),
      /is not a workflow name/,
    ],
  ];
  for (const [name, run, message] of cases) {
    test(name, () => {
      assert.throws(run, (error: Error) => {
        assert.ok(
          error instanceof InvalidWorkflowError || error.name === "WorkflowNotFoundError",
          String(error),
        );
        assert.match(error.message, message);
        return true;
      });
    });
  }
});
