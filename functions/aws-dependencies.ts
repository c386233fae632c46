import { S3Client } from "@aws-sdk/client-s3";
import { GetSecretValueCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { SFNClient } from "@aws-sdk/client-sfn";
import { ArtifactNotFoundError, type ArtifactStore } from "../src/artifacts/artifact-store.ts";
import { S3ArtifactStore } from "../src/artifacts/s3-artifact-store.ts";
import type { ResourceHandlersFor, SpecSource } from "../src/control/deploy/deploy-dependencies.ts";
import { DeployRoleRequiredError } from "../src/control/deploy/errors.ts";
import { handlersFor } from "../src/engine/handler-registry.ts";
import type { EventPublisher } from "../src/events/publisher.ts";
import type { AwsClients } from "../src/providers/aws/aws-clients.ts";
import { StateClients } from "../src/providers/aws/state-clients.ts";
import { SfnWorkflowStarter } from "../src/runtime/sfn-starter.ts";
import { SfnTaskTokens } from "../src/runtime/sfn-task-tokens.ts";
import { DynamoDbStore } from "../src/state/dynamodb-store.ts";
import { ConfigurationError, type HandlerConfig } from "./config.ts";

/**
 * The cloud implementations of handlers' dependencies, one function each so a handler's bundle holds
 * only the clients it uses. Clients follow the SDK's own configuration (region, credentials, endpoint).
 */
export const now = () => new Date();

export const artifactStore = (config: HandlerConfig) =>
  new S3ArtifactStore({ client: new S3Client({ region: config.region }), bucket: config.artifactBucket });

/**
 * The bus, loaded with the first event a handler publishes: EventBridge's client and the event
 * catalogue's validators stay out of the cold start of handlers that publish only on a finding.
 */
export const eventPublisher = (config: HandlerConfig): EventPublisher => {
  let publisher: Promise<EventPublisher> | undefined;
  return {
    publish: async (event) => {
      publisher ??= Promise.all([
        import("@aws-sdk/client-eventbridge"),
        import("../src/events/eventbridge-publisher.ts"),
      ]).then(
        ([{ EventBridgeClient }, { EventBridgePublisher }]) =>
          new EventBridgePublisher({
            client: new EventBridgeClient({ region: config.region }),
            busName: config.busName,
            artifacts: artifactStore(config),
          }),
      );
      return (await publisher).publish(event);
    },
  };
};

/**
 * The engine's state store on the state table: state, locks, the audit trail, runs, approvals,
 * deliveries and scan targets. Bodies over 350 KB go to the artifact bucket under `state/`.
 */
export const stateStore = (config: HandlerConfig) =>
  new DynamoDbStore(new StateClients({ region: config.region }), {
    table: config.stateTable,
    bucket: config.artifactBucket,
    offloadPrefix: "state",
  });

/** Specs are artifacts: CI uploads plinth.yaml (and plinth-policy.yaml beside it) and names its key. */
export const specSource = (artifacts: ArtifactStore): SpecSource => ({
  read: (key) =>
    artifacts.get(key).then(
      (bytes) => new TextDecoder().decode(bytes),
      (error: unknown) => {
        if (error instanceof ArtifactNotFoundError) return undefined;
        throw error;
      },
    ),
});

/**
 * Resource handlers acting through the environment's role only: the functions hold no permissions on
 * resources, so an AWS environment without `roleArn` is refused. One set of clients per region and
 * role for the life of the container (the role's credentials refresh themselves).
 */
export const resourceHandlers = (): ResourceHandlersFor => {
  const clients = new Map<string, AwsClients>();
  return (types, target) =>
    handlersFor(types, async () => {
      const { region, roleArn } = target;
      if (!roleArn)
        throw new DeployRoleRequiredError(
          "The environment has no roleArn: the control plane deploys AWS resources only by assuming the environment's role.",
          { hint: "Set `roleArn` on the environment in plinth.yaml (a role the control plane may assume)." },
        );
      const { AwsClients } = await import("../src/providers/aws/aws-clients.ts");
      const key = `${region} ${roleArn}`;
      const bound = clients.get(key) ?? new AwsClients({ region, roleArn });
      clients.set(key, bound);
      return { clients: bound, sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) };
    });
};

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

/** What the steps that run the engine need in the cloud (no --var: inputs come from references). */
export const engineDependencies = (config: HandlerConfig) => ({
  store: stateStore(config),
  artifacts: artifactStore(config),
  resources: resourceHandlers(),
  now,
});
