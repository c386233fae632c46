import { ConfigurationError, type HandlerConfig } from "../config.ts";

/** The GitHub webhook secret, read from Secrets Manager once per container (never from the environment). */
export function webhookSecret(config: HandlerConfig): () => Promise<string> {
  let secret: Promise<string> | undefined;
  return () => {
    if (!config.webhookSecretArn) throw new ConfigurationError("PLINTH_WEBHOOK_SECRET_ARN is not set.");
    const id = config.webhookSecretArn;
    secret ??= import("@aws-sdk/client-secrets-manager").then(
      async ({ GetSecretValueCommand, SecretsManagerClient }) =>
        (
          await new SecretsManagerClient({ region: config.region }).send(
            new GetSecretValueCommand({ SecretId: id }),
          )
        ).SecretString ?? "",
    );
    return secret;
  };
}
