import { fromIni } from "@aws-sdk/credential-providers";
import { InputError } from "../errors.ts";
import { AWS_SERVICES, type AwsConfig, type AwsService } from "../providers/aws/aws-config.ts";

/**
 * AWS settings from the environment, by the AWS CLI's conventions: AWS_ENDPOINT_URL and
 * AWS_ENDPOINT_URL_<SERVICE>, AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY/AWS_SESSION_TOKEN, AWS_PROFILE,
 * AWS_MAX_ATTEMPTS, AWS_RETRY_MODE. Without keys or a profile the SDK's default chain applies (SSO,
 * web identity, instance roles). Only the CLI reads the environment; everything below gets this config.
 */
export function awsConfigFromEnvironment(
  env: Readonly<Record<string, string | undefined>>,
  options: { region: string; roleArn?: string | undefined; debug?: ((line: string) => void) | undefined },
): AwsConfig {
  const serviceEndpoints: Partial<Record<AwsService, string>> = {};
  for (const service of AWS_SERVICES) {
    const value = env[`AWS_ENDPOINT_URL_${service.toUpperCase()}`];
    if (value) serviceEndpoints[service] = value;
  }
  const maxAttempts = env.AWS_MAX_ATTEMPTS ? Number(env.AWS_MAX_ATTEMPTS) : undefined;
  if (maxAttempts !== undefined && !(Number.isInteger(maxAttempts) && maxAttempts >= 1))
    throw new InputError(
      `AWS_MAX_ATTEMPTS must be a whole number of at least 1, not \`${env.AWS_MAX_ATTEMPTS}\`.`,
    );
  const retryMode = env.AWS_RETRY_MODE;
  if (retryMode !== undefined && retryMode !== "standard" && retryMode !== "adaptive")
    throw new InputError(`AWS_RETRY_MODE must be standard or adaptive, not \`${retryMode}\`.`);
  const credentials =
    env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY
      ? {
          accessKeyId: env.AWS_ACCESS_KEY_ID,
          secretAccessKey: env.AWS_SECRET_ACCESS_KEY,
          ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}),
        }
      : env.AWS_PROFILE
        ? fromIni({ profile: env.AWS_PROFILE })
        : undefined;
  return {
    region: options.region,
    ...(env.AWS_ENDPOINT_URL ? { endpoint: env.AWS_ENDPOINT_URL } : {}),
    ...(Object.keys(serviceEndpoints).length > 0 ? { serviceEndpoints } : {}),
    ...(credentials ? { credentials } : {}),
    ...(options.roleArn ? { roleArn: options.roleArn } : {}),
    ...(maxAttempts ? { maxAttempts } : {}),
    ...(retryMode ? { retryMode } : {}),
    ...(options.debug ? { debug: options.debug } : {}),
  };
}
