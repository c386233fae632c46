import type { StateStore } from "../../src/state/store.ts";
import type { HandlerConfig } from "../config.ts";

/**
 * The engine's state store on the state table: state, locks, the audit trail, runs, approvals,
 * deliveries, scan targets and cost history. Bodies over 350 KB go to the artifact bucket under
 * `state/`.
 */
export async function stateStore(config: HandlerConfig): Promise<StateStore> {
  const [{ StateClients }, { DynamoDbStore }] = await Promise.all([
    import("../../src/providers/aws/state-clients.ts"),
    import("../../src/state/dynamodb-store.ts"),
  ]);
  return new DynamoDbStore(new StateClients({ region: config.region }), {
    table: config.stateTable,
    bucket: config.artifactBucket,
    offloadPrefix: "state",
  });
}
