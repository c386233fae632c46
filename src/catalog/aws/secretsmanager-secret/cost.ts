import { blocks, type CostFunction, monthly, scaleUsage, usage, usageNumber } from "../../cost-components.ts";

/**
 * aws_secretsmanager_secret: each secret by the month, a replica in another region billed as a secret
 * of its own, and API calls from usage (`monthly_requests`), priced per 10,000.
 */
export const secretsmanagerSecretCost: CostFunction = (ctx) => {
  const replicas = blocks(ctx, "replica").length;
  return {
    components: [
      monthly(
        replicas > 0 ? `Secret (and ${replicas} replica${replicas > 1 ? "s" : ""})` : "Secret",
        "months",
        { service: "AWSSecretsManager", key: "secret-month" },
        1 + replicas,
      ),
      usage(
        "API requests",
        "10K requests",
        { service: "AWSSecretsManager", key: "api-request" },
        scaleUsage(usageNumber(ctx, "monthly_requests"), 1, 10_000),
        10_000,
      ),
    ],
  };
};
