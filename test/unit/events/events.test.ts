import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { EVENT_TYPES, type EventType, schemaFileOf } from "../../../src/events/catalog.ts";
import { completeEvent } from "../../../src/events/envelope.ts";
import { InvalidEventError } from "../../../src/events/errors.ts";
import { executionNameFor, isValidExecutionName } from "../../../src/events/execution-name.ts";
import { matchesPattern, validatePattern } from "../../../src/events/pattern-matcher.ts";
import { ROUTES, routesFor, SCHEDULES } from "../../../src/events/routes.ts";
import { validateEvent } from "../../../src/events/validate-event.ts";

/** One valid example of every event type; also used by the docs' catalogue test. */
export const EXAMPLES: Record<EventType, { source: string; detail: Record<string, unknown> }> = {
  DeployRequested: {
    source: "plinth.ci",
    detail: { app: "shop", env: "dev", principal: "ci", commit: "0123abc" },
  },
  DestroyRequested: {
    source: "plinth.operator",
    detail: { app: "shop", env: "dev", principal: "ana@acme.dev" },
  },
  ScanRequested: { source: "plinth.scheduler", detail: { kind: "drift", schedule: "nightly-drift-scan" } },
  RollbackRequested: {
    source: "plinth.operator",
    detail: { app: "shop", env: "prod", principal: "ana", reason: "bad deploy", toVersion: 3 },
  },
  DrFailoverRequested: {
    source: "plinth.operator",
    detail: { app: "shop", env: "prod", principal: "ana", drill: true },
  },
  PullRequestChanged: {
    source: "plinth.github",
    detail: {
      repo: "acme/shop",
      number: 7,
      action: "opened",
      headSha: "0123abcd",
      sender: "octocat",
      deliveryId: "d-1",
    },
  },
  DeploySucceeded: {
    source: "plinth.control",
    detail: { app: "shop", env: "dev", runId: "deploy-1", version: 4 },
  },
  DeployFailed: {
    source: "plinth.control",
    detail: {
      app: "shop",
      env: "dev",
      runId: "deploy-1",
      step: "Apply",
      error: { name: "ApplyError", message: "boom" },
    },
  },
  DestroySucceeded: { source: "plinth.control", detail: { app: "shop", env: "dev", runId: "destroy-1" } },
  DestroyFailed: {
    source: "plinth.control",
    detail: {
      app: "shop",
      env: "dev",
      runId: "destroy-1",
      step: "Destroy",
      error: { name: "X", message: "y" },
    },
  },
  PolicyViolations: {
    source: "plinth.control",
    detail: { app: "shop", env: "dev", runId: "deploy-1", failures: 2 },
  },
  BudgetExceeded: {
    source: "plinth.control",
    detail: { app: "shop", env: "dev", runId: "deploy-1", monthlyCost: 120.5, budget: 100, currency: "USD" },
  },
  ApprovalRequested: {
    source: "plinth.control",
    detail: { app: "shop", env: "prod", runId: "deploy-1", expiresAt: "2026-11-28T10:00:00Z" },
  },
  ScanCompleted: {
    source: "plinth.control",
    detail: { kind: "cost", runId: "scan-1", targets: 3, failed: 0 },
  },
};

describe("event catalogue and schemas", () => {
  for (const type of Object.keys(EVENT_TYPES) as EventType[]) {
    test(`${type}: its schema file names it, and its example is valid`, () => {
      const schema = JSON.parse(
        readFileSync(new URL(`../../../schemas/events/${schemaFileOf(type)}`, import.meta.url), "utf8"),
      );
      assert.equal(schema.title, type);
      const example = EXAMPLES[type];
      validateEvent({ ...example, "detail-type": type });
      validateEvent(completeEvent({ ...example, "detail-type": type }, { now: () => new Date() }));
    });
  }

  const refused: Array<[string, unknown, RegExp]> = [
    ["not an object", "DeployRequested", /The event is invalid: the payload must be object/],
    [
      "an unknown type",
      { source: "plinth.ci", "detail-type": "Deploy", detail: {} },
      /detail-type `Deploy`, which plinth does not know/,
    ],
    [
      "a wrong source",
      { source: "plinth.github", "detail-type": "DeployRequested", detail: EXAMPLES.DeployRequested.detail },
      /may only come from plinth.ci or plinth.operator/,
    ],
    [
      "a foreign source",
      { source: "aws.ec2", "detail-type": "DeployRequested", detail: {} },
      /source must match pattern/,
    ],
    [
      "a missing field",
      { source: "plinth.ci", "detail-type": "DeployRequested", detail: { app: "shop", env: "dev" } },
      /detail lacks the required `principal`/,
    ],
    [
      "an unknown field",
      {
        source: "plinth.ci",
        "detail-type": "DeployRequested",
        detail: { ...EXAMPLES.DeployRequested.detail, admin: true },
      },
      /unknown property `admin`/,
    ],
    [
      "an HCL interpolation in a name",
      {
        source: "plinth.ci",
        "detail-type": "DeployRequested",
        detail: { app: '${file("/etc/passwd")}', env: "dev", principal: "x" },
      },
      /detail.app must match pattern/,
    ],
    [
      "a path traversal in a name",
      {
        source: "plinth.operator",
        "detail-type": "DestroyRequested",
        detail: { app: "../../etc", env: "dev", principal: "x" },
      },
      /detail.app must match pattern/,
    ],
    [
      "a huge string",
      {
        source: "plinth.ci",
        "detail-type": "DeployRequested",
        detail: { ...EXAMPLES.DeployRequested.detail, principal: "x".repeat(100_000) },
      },
      /detail.principal must NOT have more than 256 characters/,
    ],
  ];
  for (const [name, event, message] of refused) {
    test(`refuses ${name} with one sentence`, () => {
      assert.throws(
        () => validateEvent(event),
        (error: Error) => {
          assert.ok(error instanceof InvalidEventError, String(error));
          assert.match(error.message, message);
          assert.doesNotMatch(error.message, /\n/);
          return true;
        },
      );
    });
  }
});

describe("routing data", () => {
  test("every route's pattern is valid and its workflow file exists", () => {
    for (const route of ROUTES) {
      validatePattern(route.pattern);
      assert.ok(readFileSync(new URL(`../../../workflows/${route.workflow}.asl.json`, import.meta.url)));
    }
  });

  test("each trigger event takes at most one route, and the routed ones take exactly one", () => {
    const routed = new Map<string, string[]>();
    for (const [type, example] of Object.entries(EXAMPLES)) {
      const event = completeEvent({ ...example, "detail-type": type }, { now: () => new Date() });
      routed.set(
        type,
        routesFor(event).map((r) => r.workflow),
      );
    }
    assert.deepEqual(routed.get("DeployRequested"), ["deploy"]);
    assert.deepEqual(routed.get("DestroyRequested"), ["destroy"]);
    assert.deepEqual(routed.get("ScanRequested"), ["scheduled-scan"]);
    for (const [type, workflows] of routed)
      assert.ok(workflows.length <= 1, `${type} → ${workflows.join(", ")}`);
    for (const type of Object.keys(EVENT_TYPES).filter((t) => EVENT_TYPES[t as EventType].kind === "outcome"))
      assert.deepEqual(routed.get(type), [], `outcome ${type} starts nothing`);
  });

  test("every schedule emits a valid event that a route takes", () => {
    for (const schedule of SCHEDULES) {
      validateEvent(schedule.event);
      const event = completeEvent(schedule.event, { now: () => new Date() });
      assert.equal(ROUTES.filter((r) => matchesPattern(r.pattern, event)).length, 1, schedule.name);
    }
  });
});

describe("execution names from event ids", () => {
  test("the same event id always gives the same valid name; different ids differ", () => {
    const id = "8d1f7a3c-0d2e-4c55-9b1a-2f6e0c1d9e77";
    assert.equal(executionNameFor("deploy", id), `deploy-${id}`);
    assert.equal(executionNameFor("deploy", id), executionNameFor("deploy", id));
    assert.notEqual(executionNameFor("deploy", id), executionNameFor("deploy", `${id}x`));
  });

  test("ids with characters Step Functions refuses, or too long, are hashed to a valid name", () => {
    for (const id of ["a b", "x".repeat(200), "id/with:colons", "<script>", "${x}", "ünï"]) {
      const name = executionNameFor("scheduled-scan", id);
      assert.ok(isValidExecutionName(name), name);
      assert.equal(name, executionNameFor("scheduled-scan", id));
    }
  });
});
