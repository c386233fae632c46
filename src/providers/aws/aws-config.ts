import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from "@smithy/types";

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
