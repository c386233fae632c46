import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { functionsOf, substituteDefinition } from "../../../stacks/definitions.ts";
import { HANDLERS, type ResourceArns } from "../../../stacks/handlers.ts";

const arns: ResourceArns = {
  stateTable: "arn:aws:dynamodb:us-east-1:111122223333:table/plinth-state",
  auditTable: "arn:aws:dynamodb:us-east-1:111122223333:table/plinth-audit",
  artifactBucket: "arn:aws:s3:::plinth-artifacts",
  bus: "arn:aws:events:us-east-1:111122223333:event-bus/plinth",
  stateMachines: ["arn:aws:states:us-east-1:111122223333:stateMachine:plinth-scheduled-scan"],
  webhookSecret: "arn:aws:secretsmanager:us-east-1:111122223333:secret:plinth-github-AbCdEf",
};

/** Every (action, resource) pair a handler's role allows. */
const grants = (name: string) =>
  (HANDLERS.find((h) => h.name === name)?.permissions(arns) ?? [])
    .flatMap((s) => s.actions.flatMap((a) => s.resources.map((r) => `${a} ${r}`)))
    .sort();

describe("least privilege, evaluated from the stack's policy statements", () => {
  test("the audit writer may only PutItem, on the audit table", () => {
    assert.deepEqual(grants("write-audit"), [`dynamodb:PutItem ${arns.auditTable}`]);
  });

  test("no role anywhere may change or delete an audit record", () => {
    for (const handler of HANDLERS) {
      for (const grant of grants(handler.name)) {
        if (!grant.endsWith(arns.auditTable)) continue;
        assert.equal(grant, `dynamodb:PutItem ${arns.auditTable}`, `${handler.name}: ${grant}`);
      }
    }
  });

  test("no wildcard actions or resources (beyond an object prefix), no admin actions", () => {
    for (const handler of HANDLERS) {
      for (const statement of handler.permissions(arns)) {
        for (const action of statement.actions)
          assert.match(action, /^[a-z0-9]+:[A-Z][A-Za-z]+$/, `${handler.name}: ${action}`);
        for (const resource of statement.resources) {
          assert.notEqual(resource, "*", handler.name);
          assert.ok(
            !resource.includes("*") || /^arn:aws:s3:::[^*]+\/([a-z]+\/)?\*$/.test(resource),
            `${handler.name}: ${resource}`,
          );
        }
      }
    }
  });

  test("each handler gets exactly what its code calls", () => {
    assert.deepEqual(grants("start-workflow"), [`states:StartExecution ${arns.stateMachines[0]}`]);
    assert.deepEqual(grants("list-targets"), [`dynamodb:Query ${arns.stateTable}`]);
    assert.deepEqual(grants("scan-target"), [`s3:GetObject ${arns.artifactBucket}/*`]);
    assert.deepEqual(grants("github-webhook"), [
      `dynamodb:PutItem ${arns.stateTable}`,
      `events:PutEvents ${arns.bus}`,
      `s3:PutObject ${arns.artifactBucket}/events/*`,
      `secretsmanager:GetSecretValue ${arns.webhookSecret}`,
    ]);
    assert.deepEqual(grants("approval-decision"), [
      `dynamodb:DeleteItem ${arns.stateTable}`,
      `dynamodb:GetItem ${arns.stateTable}`,
      `states:SendTaskFailure ${arns.stateMachines[0]}`,
      `states:SendTaskSuccess ${arns.stateMachines[0]}`,
    ]);
  });

  test("every handler has its file in functions/, and only the webhook is reachable without IAM", () => {
    for (const handler of HANDLERS) {
      assert.ok(existsSync(new URL(`../../../functions/${handler.name}.ts`, import.meta.url)), handler.name);
      assert.match(
        readFileSync(new URL(`../../../functions/${handler.name}.ts`, import.meta.url), "utf8"),
        /export const handler = /,
      );
    }
    assert.deepEqual(
      HANDLERS.filter((h) => h.url === "none").map((h) => h.name),
      ["github-webhook"],
    );
  });
});

describe("state machine definitions for Step Functions", () => {
  const definition = readFileSync(
    new URL("../../../workflows/scheduled-scan.asl.json", import.meta.url),
    "utf8",
  );

  test("every ${function:NAME} becomes that function's ARN; the role invokes exactly those", () => {
    const used = functionsOf(definition);
    assert.deepEqual(used, [
      "list-targets",
      "record-failure",
      "scan-target",
      "summarize-scan",
      "write-audit",
    ]);
    const out = substituteDefinition(
      definition,
      Object.fromEntries(used.map((n) => [n, `arn:aws:lambda:us-east-1:111122223333:function:plinth-${n}`])),
      "plinth-bus",
    );
    assert.ok(!out.includes("${"));
    assert.equal(
      JSON.parse(out).States.ListTargets.Resource,
      "arn:aws:lambda:us-east-1:111122223333:function:plinth-list-targets",
    );
  });

  test("a definition calling a function the stack lacks is refused", () => {
    assert.throws(() => substituteDefinition(definition, {}, "bus"), /No function for list-targets/);
  });

  test("the deployed workflows call only handlers the stack declares", async () => {
    // control-plane.ts needs SST's globals; its list of deployed workflows is read as text.
    const stack = readFileSync(new URL("../../../stacks/control-plane.ts", import.meta.url), "utf8");
    const deployed = JSON.parse(/DEPLOYED_WORKFLOWS = (\[[^\]]*\])/.exec(stack)?.[1] ?? "[]") as string[];
    assert.ok(deployed.length > 0);
    const declared = new Set(HANDLERS.map((h) => h.name));
    for (const workflow of deployed) {
      const used = functionsOf(
        readFileSync(new URL(`../../../workflows/${workflow}.asl.json`, import.meta.url), "utf8"),
      );
      assert.deepEqual(
        used.filter((f) => !declared.has(f)),
        [],
        workflow,
      );
    }
  });
});
