import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";
import { DynamoDBClient, ScanCommand } from "@aws-sdk/client-dynamodb";
import {
  type AuditLog,
  type AuditRecord,
  AuditRecordExistsError,
  AuditStoreUnavailableError,
  auditId,
} from "../../../src/audit/audit-log.ts";
import { DynamoDbAuditLog } from "../../../src/audit/dynamodb-audit-log.ts";
import { FileAuditLog } from "../../../src/audit/file-audit-log.ts";
import { MemoryAuditLog } from "../../../src/audit/memory-audit-log.ts";
import { freshMoto } from "../../helpers/aws.ts";
import { createAuditTable } from "../../helpers/dynamodb.ts";

const record = (
  runId: string,
  step: string,
  second: number,
  extra: Partial<AuditRecord> = {},
): AuditRecord => {
  const at = new Date(Date.UTC(2026, 10, 27, 10, 0, second));
  return {
    id: auditId(at),
    at: at.toISOString(),
    workflow: "deploy",
    runId,
    step,
    outcome: "succeeded",
    app: "shop",
    env: "dev",
    ...extra,
  };
};

const subjects: Record<string, () => Promise<AuditLog>> = {
  memory: async () => new MemoryAuditLog(),
  "file (JSON lines)": async () =>
    new FileAuditLog(join(mkdtempSync(join(tmpdir(), "plinth-audit-")), "audit.jsonl")),
  "DynamoDB (moto)": async () => {
    const client = new DynamoDBClient(await freshMoto());
    await createAuditTable(client, "audit");
    return new DynamoDbAuditLog({ client, table: "audit" });
  },
};

for (const [name, make] of Object.entries(subjects)) {
  describe(`audit log contract: ${name}`, () => {
    test("appends records and reads one run's back in time order, other runs apart", async () => {
      const log = await make();
      await log.append(record("run-1", "Plan", 2));
      await log.append(record("run-2", "Plan", 1, { app: "blog" }));
      await log.append(record("run-1", "Deploy", 1, { outcome: "started", principal: "ci" }));
      const runOne = await log.ofRun("run-1");
      assert.deepEqual(
        runOne.map((r) => r.step),
        ["Deploy", "Plan"],
      );
      assert.equal(runOne[0]?.principal, "ci");
      assert.deepEqual(
        (await log.ofRun("run-2")).map((r) => r.app),
        ["blog"],
      );
      assert.deepEqual(await log.ofRun("run-3"), []);
    });

    if (name !== "file (JSON lines)") {
      test("never overwrites: a second record with the same id is refused and the first kept", async () => {
        const log = await make();
        const first = record("run-1", "Plan", 1);
        await log.append(first);
        await assert.rejects(log.append({ ...first, outcome: "failed" }), AuditRecordExistsError);
        assert.deepEqual(
          (await log.ofRun("run-1")).map((r) => r.outcome),
          ["succeeded"],
        );
      });
    }
  });
}

test("the DynamoDB audit writer only ever puts, with a condition (what its IAM policy allows)", async () => {
  const config = await freshMoto();
  const client = new DynamoDBClient(config);
  await createAuditTable(client, "audit");
  const sent: string[] = [];
  client.middlewareStack.add(
    (next, context) => async (args) => {
      sent.push(
        `${context.commandName}:${(args.input as { ConditionExpression?: string }).ConditionExpression ?? ""}`,
      );
      return next(args);
    },
    { step: "initialize" },
  );
  await new DynamoDbAuditLog({ client, table: "audit" }).append(record("run-9", "Apply", 1));
  assert.deepEqual(sent, ["PutItemCommand:attribute_not_exists(pk)"]);
  const { Items } = await new DynamoDBClient(config).send(new ScanCommand({ TableName: "audit" }));
  assert.equal(Items?.length, 1);
  assert.equal(Items?.[0]?.pk?.S, "shop#dev");
});

test("an unreachable audit table is a retryable AuditStoreUnavailableError", async () => {
  const client = new DynamoDBClient({ ...(await freshMoto()), endpoint: "http://127.0.0.1:9" });
  await assert.rejects(
    new DynamoDbAuditLog({ client, table: "audit" }).append(record("r", "s", 1)),
    (error: Error) => {
      // Connection refused surfaces as a network error, not a 5xx: the mapping keeps it unchanged but it must not look like success.
      assert.ok(error instanceof Error);
      return true;
    },
  );
  const throttled = new DynamoDBClient(await freshMoto());
  throttled.middlewareStack.add(
    () => async () => {
      const error = Object.assign(new Error("Rate exceeded"), {
        name: "ProvisionedThroughputExceededException",
        $metadata: { httpStatusCode: 400 },
      });
      throw error;
    },
    { step: "finalizeRequest" },
  );
  await assert.rejects(
    new DynamoDbAuditLog({ client: throttled, table: "audit" }).append(record("r", "s", 1)),
    (error: Error) => {
      assert.ok(error instanceof AuditStoreUnavailableError);
      assert.equal((error as AuditStoreUnavailableError).retryable, true);
      return true;
    },
  );
});

test("the file log is append-only JSON lines", async () => {
  const file = join(mkdtempSync(join(tmpdir(), "plinth-audit-")), "audit.jsonl");
  const log = new FileAuditLog(file);
  await log.append(record("run-1", "A", 1));
  const before = readFileSync(file, "utf8");
  await log.append(record("run-1", "B", 2));
  assert.ok(readFileSync(file, "utf8").startsWith(before));
  assert.equal(readFileSync(file, "utf8").trim().split("\n").length, 2);
});
