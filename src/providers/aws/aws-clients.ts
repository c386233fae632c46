import { CloudFormationClient } from "@aws-sdk/client-cloudformation";
import { CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { EC2Client } from "@aws-sdk/client-ec2";
import { IAMClient } from "@aws-sdk/client-iam";
import { KMSClient } from "@aws-sdk/client-kms";
import { LambdaClient } from "@aws-sdk/client-lambda";
import { RDSClient } from "@aws-sdk/client-rds";
import { S3Client } from "@aws-sdk/client-s3";
import { SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { SQSClient } from "@aws-sdk/client-sqs";
import { STSClient } from "@aws-sdk/client-sts";
import { fromTemporaryCredentials } from "@aws-sdk/credential-providers";
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from "@smithy/types";
import { mapAwsError } from "./map-aws-error.ts";

/** The services plinth calls, named as AWS_ENDPOINT_URL_<SERVICE> names them (lower-case). */
export const AWS_SERVICES = [
  "cloudformation",
  "cloudwatch_logs",
  "dynamodb",
  "ec2",
  "iam",
  "kms",
  "lambda",
  "rds",
  "s3",
  "secrets_manager",
  "sqs",
  "sts",
] as const;
export type AwsService = (typeof AWS_SERVICES)[number];

/** How to reach AWS. The CLI fills it from the environment; domain code never reads it itself. */
export interface AwsConfig {
  region: string;
  /** One endpoint for every service (AWS_ENDPOINT_URL): moto, LocalStack. */
  endpoint?: string;
  /** Per-service endpoints (AWS_ENDPOINT_URL_S3…), over `endpoint`. */
  serviceEndpoints?: Partial<Record<AwsService, string>>;
  /** Explicit credentials; otherwise the SDK's default chain (env, profile, SSO, instance role). */
  credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  /** A role to assume (the environment's `roleArn`) with the credentials above. */
  roleArn?: string;
  roleSessionName?: string;
  /** Attempts per API call, the first included (SDK retry, default 5). */
  maxAttempts?: number;
  /** `adaptive` (default) also rate-limits the client when AWS throttles it. */
  retryMode?: "standard" | "adaptive";
  /** Debug log: one line per HTTP attempt, retries included. */
  debug?: (line: string) => void;
}

type AnyClient = {
  middlewareStack: {
    add: (m: unknown, o: unknown) => void;
    addRelativeTo: (m: unknown, o: unknown) => void;
  };
  destroy: () => void;
};

/**
 * AWS SDK v3 clients for one region and identity, created on first use and shared. Each has the SDK's
 * own retry (adaptive by default), plinth's error mapping (stable names, request ids) and an attempt
 * log for --debug; `calls` counts HTTP attempts, for benchmarks.
 */
export class AwsClients {
  readonly config: AwsConfig;
  calls = 0;
  readonly #clients = new Map<AwsService, AnyClient>();
  readonly #credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider | undefined;

  constructor(config: AwsConfig) {
    this.config = config;
    this.#credentials = config.roleArn
      ? fromTemporaryCredentials({
          params: { RoleArn: config.roleArn, RoleSessionName: config.roleSessionName ?? "plinth" },
          ...(config.credentials ? { masterCredentials: config.credentials } : {}),
          clientConfig: {
            region: config.region,
            ...(this.endpointOf("sts") ? { endpoint: this.endpointOf("sts") } : {}),
          },
        })
      : config.credentials;
  }

  get region(): string {
    return this.config.region;
  }

  endpointOf(service: AwsService): string | undefined {
    return this.config.serviceEndpoints?.[service] ?? this.config.endpoint;
  }

  ec2 = () => this.#client("ec2", EC2Client);
  s3 = () => this.#client("s3", S3Client, { forcePathStyle: this.endpointOf("s3") !== undefined });
  iam = () => this.#client("iam", IAMClient);
  sqs = () => this.#client("sqs", SQSClient);
  secretsManager = () => this.#client("secrets_manager", SecretsManagerClient);
  kms = () => this.#client("kms", KMSClient);
  lambda = () => this.#client("lambda", LambdaClient);
  rds = () => this.#client("rds", RDSClient);
  dynamodb = () => this.#client("dynamodb", DynamoDBClient);
  logs = () => this.#client("cloudwatch_logs", CloudWatchLogsClient);
  sts = () => this.#client("sts", STSClient);
  cloudformation = () => this.#client("cloudformation", CloudFormationClient);

  /** Closes every client's connections. */
  destroy(): void {
    for (const client of this.#clients.values()) client.destroy();
    this.#clients.clear();
  }

  #client<T>(service: AwsService, Client: new (config: never) => T, extra: object = {}): T {
    let client = this.#clients.get(service) as (T & AnyClient) | undefined;
    if (client) return client;
    const endpoint = this.endpointOf(service);
    client = new Client({
      region: this.config.region,
      maxAttempts: this.config.maxAttempts ?? 5,
      retryMode: this.config.retryMode ?? "adaptive",
      ...(endpoint ? { endpoint } : {}),
      ...(this.#credentials ? { credentials: this.#credentials } : {}),
      ...extra,
    } as never) as T & AnyClient;
    this.#instrument(service, client, endpoint);
    this.#clients.set(service, client);
    return client;
  }

  #instrument(service: AwsService, client: AnyClient, endpoint: string | undefined): void {
    const debug = this.config.debug;
    // Outermost: every error leaves the client as a plinth error, after the SDK's retries.
    client.middlewareStack.add(
      (next: (args: unknown) => Promise<unknown>, context: { commandName?: string; clientName?: string }) =>
        async (args: unknown) => {
          try {
            return await next(args);
          } catch (error) {
            throw mapAwsError(error, {
              service: serviceName(context.clientName, service),
              operation: operationName(context.commandName),
              region: this.config.region,
              ...(endpoint ? { endpoint } : {}),
            });
          }
        },
      { step: "initialize", name: "plinthErrorMapping", priority: "high" },
    );
    // Inside the retry loop: one line per attempt.
    client.middlewareStack.addRelativeTo(
      (
        next: (args: unknown) => Promise<{ response?: { statusCode?: number } }>,
        context: { commandName?: string },
      ) =>
        async (args: unknown) => {
          this.calls++;
          const started = performance.now();
          const operation = `${service}:${operationName(context.commandName)}`;
          try {
            const result = await next(args);
            debug?.(
              `aws ${operation} ${result.response?.statusCode ?? "?"} ${Math.round(performance.now() - started)}ms`,
            );
            return result;
          } catch (error) {
            const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
            debug?.(
              `aws ${operation} failed ${e.$metadata?.httpStatusCode ?? ""} ${e.name ?? "Error"} after ${Math.round(performance.now() - started)}ms (the SDK retries transient errors)`,
            );
            throw error;
          }
        },
      { relation: "after", toMiddleware: "retryMiddleware", name: "plinthAttemptLog" },
    );
  }
}

function serviceName(clientName: string | undefined, fallback: string): string {
  return clientName?.replace(/Client$/, "") ?? fallback;
}

function operationName(commandName: string | undefined): string {
  return commandName?.replace(/Command$/, "") ?? "request";
}
