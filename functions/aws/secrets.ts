import { GetSecretValueCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { ConfigurationError, type HandlerConfig } from "../config.ts";

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
