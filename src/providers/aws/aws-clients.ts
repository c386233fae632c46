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
import type { AwsConfig, AwsService } from "./aws-config.ts";
import { createClient, type SdkClient } from "./create-client.ts";

export { AWS_SERVICES, type AwsConfig, type AwsService } from "./aws-config.ts";

/**
 * AWS SDK v3 clients for one region and identity, created on first use and shared. Each has the SDK's
 * own retry (adaptive by default), plinth's error mapping (stable names, request ids) and an attempt
 * log for --debug; `calls` counts HTTP attempts, for benchmarks.
 */
export class AwsClients {
  readonly config: AwsConfig;
  calls = 0;
  readonly #clients = new Map<AwsService, SdkClient>();
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
    let client = this.#clients.get(service) as (T & SdkClient) | undefined;
    if (client) return client;
    client = createClient(Client, service, this.config, this.#credentials, extra, () => this.calls++);
    this.#clients.set(service, client);
    return client;
  }
}
