import { StateClients } from "../../src/providers/aws/state-clients.ts";
import { DynamoDbStore } from "../../src/state/dynamodb-store.ts";
import type { HandlerConfig } from "../config.ts";

/**
 * The engine's state store on the state table: state, locks, the audit trail, runs, approvals,
 * deliveries, scan targets and cost history. Bodies over 350 KB go to the artifact bucket under
 * `state/`.
 */
export const stateStore = (config: HandlerConfig) =>
  new DynamoDbStore(new StateClients({ region: config.region }), {
    table: config.stateTable,
    bucket: config.artifactBucket,
    offloadPrefix: "state",
  });
