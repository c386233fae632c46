/**
 * The only place handler code reads configuration. stacks/ sets these variables on each function;
 * every other module receives what it needs as arguments.
 */
export interface HandlerConfig {
  region: string;
  /** `production` turns on deletion protection in stacks/ and stricter defaults here. */
  stage: string;
  /** The one table of state, locks, the audit trail, runs, approvals and scan targets. */
  stateTable: string;
  artifactBucket: string;
  busName: string;
  /** State machine ARN by workflow name: PLINTH_STATE_MACHINES is a JSON object. */
  stateMachines: Record<string, string>;
  /** Secrets Manager secret holding the GitHub webhook secret (never the secret itself). */
  webhookSecretArn?: string;
  /**
   * The webhook secret itself, only on GCP and Azure, where the platform mounts it from Secret Manager
   * or a Key Vault reference into the function's environment.
   */
  webhookSecret?: string;
  /** The price snapshot cost scans read, relative to the task root (stacks/ copies it there). */
  priceSnapshot?: string;
}

export class ConfigurationError extends Error {
  override name = "ConfigurationError";
}

export function readConfig(env: Readonly<Record<string, string | undefined>> = process.env): HandlerConfig {
  const required = (name: string): string => {
    const value = env[name];
    if (!value)
      throw new ConfigurationError(`The function's environment lacks ${name}; deploy it with stacks/.`);
    return value;
  };
  let stateMachines: Record<string, string> = {};
  if (env.PLINTH_STATE_MACHINES) {
    try {
      stateMachines = JSON.parse(env.PLINTH_STATE_MACHINES) as Record<string, string>;
    } catch {
      throw new ConfigurationError(
        "PLINTH_STATE_MACHINES is not a JSON object of workflow → state machine ARN.",
      );
    }
  }
  return {
    region: required("AWS_REGION"),
    stage: env.PLINTH_STAGE ?? "dev",
    stateTable: env.PLINTH_STATE_TABLE ?? "",
    artifactBucket: env.PLINTH_ARTIFACT_BUCKET ?? "",
    busName: env.PLINTH_BUS_NAME ?? "",
    stateMachines,
    ...(env.PLINTH_WEBHOOK_SECRET_ARN ? { webhookSecretArn: env.PLINTH_WEBHOOK_SECRET_ARN } : {}),
    ...(env.PLINTH_WEBHOOK_SECRET ? { webhookSecret: env.PLINTH_WEBHOOK_SECRET } : {}),
    ...(env.PLINTH_PRICE_SNAPSHOT ? { priceSnapshot: env.PLINTH_PRICE_SNAPSHOT } : {}),
  };
}
