import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { functionsOf, substituteDefinition } from "../../../stacks/definitions.ts";
import { HANDLERS, type ResourceArns } from "../../../stacks/handlers.ts";

const arns: ResourceArns = {
  stateTable: "arn:aws:dynamodb:us-east-1:111122223333:table/plinth-state",
  artifactBucket: "arn:aws:s3:::plinth-artifacts",
  bus: "arn:aws:events:us-east-1:111122223333:event-bus/plinth",
  stateMachines: ["arn:aws:states:us-east-1:111122223333:stateMachine:plinth-scheduled-scan"],
  webhookSecret: "arn:aws:secretsmanager:us-east-1:111122223333:secret:plinth-github-AbCdEf",
  deployRoles: ["arn:aws:iam::444455556666:role/plinth-deploy-shop"],
};
const T = arns.stateTable;
const B = arns.artifactBucket;

/** Every (action, resource[, partitions]) a handler's role allows. */
const grants = (name: string) =>
  (HANDLERS.find((h) => h.name === name)?.permissions(arns) ?? [])
    .flatMap((s) =>
      s.actions.flatMap((a) =>
        s.resources.map((r) => `${a} ${r}${s.partitions ? ` [${s.partitions.join(",")}]` : ""}`),
      ),
    )
    .sort();

/** The (action, partition) pairs a handler may do on the state table. */
const tableGrants = (name: string) =>
  (HANDLERS.find((h) => h.name === name)?.permissions(arns) ?? [])
    .filter((s) => s.resources.includes(T))
    .flatMap((s) => s.actions.flatMap((a) => (s.partitions ?? ["*"]).map((p) => `${a} ${p}`)));

describe("least privilege, evaluated from the stack's policy statements", () => {
  test("the audit writer may only PutItem, on audit items", () => {
    assert.deepEqual(grants("write-audit"), [`dynamodb:PutItem ${T} [audit#*]`]);
  });

  test("every grant on the one table is narrowed to partitions, and no role may change or delete an audit record", () => {
    for (const handler of HANDLERS)
      for (const statement of handler.permissions(arns)) {
        if (!statement.resources.includes(T)) continue;
        assert.ok(
          statement.partitions && statement.partitions.length > 0,
          `${handler.name}: the whole table`,
        );
        assert.deepEqual(statement.resources, [T], `${handler.name}: one statement, one table`);
        for (const partition of statement.partitions) {
          assert.match(
            partition,
            /^(state#\*|audit#\*|record#[a-z.-]+\*?)$/,
            `${handler.name}: ${partition}`,
          );
          if (partition.startsWith("audit#"))
            assert.deepEqual(
              statement.actions,
              ["dynamodb:PutItem"],
              `${handler.name} may do more than append`,
            );
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

  test("only the steps that call the cloud may assume the environments' roles, and only those roles", () => {
    const assuming = HANDLERS.filter((h) =>
      h.permissions(arns).some((s) => s.actions.includes("sts:AssumeRole")),
    ).map((h) => h.name);
    assert.deepEqual(assuming.sort(), ["apply", "destroy", "plan", "rollback", "verify"]);
    for (const name of assuming)
      assert.ok(grants(name).includes(`sts:AssumeRole ${arns.deployRoles[0]}`), name);
    assert.ok(
      HANDLERS.every((h) =>
        h.permissions({ ...arns, deployRoles: [] }).every((s) => !s.actions.includes("sts:AssumeRole")),
      ),
      "without configured roles nobody assumes any",
    );
  });

  test("each handler gets exactly what its code calls", () => {
    assert.deepEqual(grants("start-workflow"), [`states:StartExecution ${arns.stateMachines[0]}`]);
    assert.deepEqual(grants("list-targets"), [`dynamodb:Query ${T} [record#targets]`]);
    assert.deepEqual(grants("scan-target"), [
      `dynamodb:PutItem ${T} [record#cost.*]`,
      `events:PutEvents ${arns.bus}`,
      `s3:GetObject ${B}/runs/*`,
      `s3:PutObject ${B}/events/*`,
    ]);
    assert.deepEqual(grants("github-webhook"), [
      `dynamodb:PutItem ${T} [record#deliveries]`,
      `events:PutEvents ${arns.bus}`,
      `s3:PutObject ${B}/events/*`,
      `secretsmanager:GetSecretValue ${arns.webhookSecret}`,
    ]);
    assert.deepEqual(grants("approval-decision"), [
      `dynamodb:DeleteItem ${T} [record#approvals]`,
      `dynamodb:GetItem ${T} [record#approvals]`,
      `states:SendTaskFailure ${arns.stateMachines[0]}`,
      `states:SendTaskSuccess ${arns.stateMachines[0]}`,
    ]);
    assert.deepEqual(tableGrants("checkpoint").sort(), [
      "dynamodb:GetItem state#*",
      "dynamodb:PutItem audit#*",
      "dynamodb:PutItem record#targets",
      "dynamodb:Query state#*",
    ]);
    assert.deepEqual(tableGrants("verify").sort(), [
      "dynamodb:GetItem state#*",
      "dynamodb:PutItem audit#*",
      "dynamodb:Query state#*",
    ]);
    // Only the steps that apply write state; reading steps cannot take the lock or write a version.
    for (const name of ["codegen", "policy-check", "cost-estimate", "plan", "checkpoint", "verify"])
      assert.ok(!tableGrants(name).some((g) => /(Put|Delete|BatchWrite)Item state#/.test(g)), name);
    for (const name of ["apply", "destroy", "rollback"])
      assert.ok(tableGrants(name).includes("dynamodb:BatchWriteItem state#*"), name);
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

  test("every workflow is deployed, and calls only handlers the stack declares", async () => {
    // control-plane.ts needs SST's globals; its list of deployed workflows is read as text.
    const stack = readFileSync(new URL("../../../stacks/control-plane.ts", import.meta.url), "utf8");
    const deployed = JSON.parse(/DEPLOYED_WORKFLOWS = (\[[^\]]*\])/.exec(stack)?.[1] ?? "[]") as string[];
    assert.deepEqual(deployed, ["deploy", "destroy", "scheduled-scan"]);
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
