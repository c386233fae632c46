import {
  type AttributeValue,
  type DynamoDBClient,
  PutItemCommand,
  QueryCommand,
} from "@aws-sdk/client-dynamodb";
import type { Target, TargetScope, TargetSource } from "./targets.ts";

/**
 * The environments the control plane manages, as items `pk = TARGETS`, `sk = <app>#<env>` of the state
 * table, whose `spec` is the artifact key of the environment's last deployed plinth.yaml. The deploy
 * workflow registers a target when it checkpoints (docs/control-plane.md).
 */
export class DynamoDbTargetSource implements TargetSource {
  readonly #client: DynamoDBClient;
  readonly #table: string;

  constructor(options: { client: DynamoDBClient; table: string }) {
    this.#client = options.client;
    this.#table = options.table;
  }

  async register(target: Target): Promise<void> {
    await this.#client.send(
      new PutItemCommand({
        TableName: this.#table,
        Item: { pk: { S: "TARGETS" }, sk: { S: `${target.app}#${target.env}` }, spec: { S: target.spec } },
      }),
    );
  }

  async list(scope: TargetScope): Promise<Target[]> {
    const prefix = scope.app ? `${scope.app}#${scope.env ?? ""}` : "";
    const targets: Target[] = [];
    let start: Record<string, AttributeValue> | undefined;
    do {
      const page = await this.#client.send(
        new QueryCommand({
          TableName: this.#table,
          KeyConditionExpression: prefix ? "pk = :pk AND begins_with(sk, :prefix)" : "pk = :pk",
          ExpressionAttributeValues: {
            ":pk": { S: "TARGETS" },
            ...(prefix ? { ":prefix": { S: prefix } } : {}),
          },
          ExclusiveStartKey: start,
        }),
      );
      for (const item of page.Items ?? []) {
        const [app, env] = (item.sk?.S ?? "").split("#") as [string, string];
        if (scope.env && env !== scope.env) continue;
        targets.push({ app, env, spec: item.spec?.S ?? "" });
      }
      start = page.LastEvaluatedKey;
    } while (start);
    return targets;
  }
}
