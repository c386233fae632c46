import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { EventBridgeClient } from "@aws-sdk/client-eventbridge";
import { S3Client } from "@aws-sdk/client-s3";
import { GetSecretValueCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { SFNClient } from "@aws-sdk/client-sfn";
import { S3ArtifactStore } from "../src/artifacts/s3-artifact-store.ts";
import { DynamoDbAuditLog } from "../src/audit/dynamodb-audit-log.ts";
import { DynamoDbApprovalStore, DynamoDbDeliveryLog } from "../src/control/dynamodb-control-store.ts";
import { DynamoDbTargetSource } from "../src/control/dynamodb-target-source.ts";
import { EventBridgePublisher } from "../src/events/eventbridge-publisher.ts";
import { SfnWorkflowStarter } from "../src/runtime/sfn-starter.ts";
import { SfnTaskTokens } from "../src/runtime/sfn-task-tokens.ts";
import { ConfigurationError, type HandlerConfig } from "./config.ts";

/**
 * The cloud implementations of handlers' dependencies, one function each so a handler's bundle holds
 * only the clients it uses. Clients follow the SDK's own configuration (region, credentials, endpoint).
 */
export const now = () => new Date();

export const artifactStore = (config: HandlerConfig) =>
  new S3ArtifactStore({ client: new S3Client({ region: config.region }), bucket: config.artifactBucket });

export const eventPublisher = (config: HandlerConfig) =>
  new EventBridgePublisher({
    client: new EventBridgeClient({ region: config.region }),
    busName: config.busName,
    artifacts: artifactStore(config),
  });

export const auditLog = (config: HandlerConfig) =>
  new DynamoDbAuditLog({ client: new DynamoDBClient({ region: config.region }), table: config.auditTable });

export const approvalStore = (config: HandlerConfig) =>
  new DynamoDbApprovalStore({
    client: new DynamoDBClient({ region: config.region }),
    table: config.stateTable,
    now,
  });

export const deliveryLog = (config: HandlerConfig) =>
  new DynamoDbDeliveryLog({
    client: new DynamoDBClient({ region: config.region }),
    table: config.stateTable,
    now,
  });

export const targetSource = (config: HandlerConfig) =>
  new DynamoDbTargetSource({
    client: new DynamoDBClient({ region: config.region }),
    table: config.stateTable,
  });

export const workflowStarter = (config: HandlerConfig) =>
  new SfnWorkflowStarter({
    client: new SFNClient({ region: config.region }),
    stateMachines: config.stateMachines,
  });

export const taskTokens = (config: HandlerConfig) =>
  new SfnTaskTokens(new SFNClient({ region: config.region }));

/** The GitHub webhook secret, read from Secrets Manager once per container (never from the environment). */
export const webhookSecret = (config: HandlerConfig) => {
  const client = new SecretsManagerClient({ region: config.region });
  let secret: Promise<string> | undefined;
  return () => {
    if (!config.webhookSecretArn) throw new ConfigurationError("PLINTH_WEBHOOK_SECRET_ARN is not set.");
    secret ??= client
      .send(new GetSecretValueCommand({ SecretId: config.webhookSecretArn }))
      .then((r) => r.SecretString ?? "");
    return secret;
  };
};
