import { type CostFunction, monthly, scaleUsage, str, usage, usageNumber } from "../../cost-components.ts";

/** The request price of a key by its spec: symmetric and HMAC keys, RSA 2048, other asymmetric keys. */
function requestKey(spec: string): string {
  if (spec === "RSA_2048") return "request-asymmetric-rsa2048";
  if (spec.startsWith("RSA_") || spec.startsWith("ECC_") || spec.startsWith("SM2"))
    return "request-asymmetric";
  return "request";
}

/**
 * aws_kms_key: a customer managed key by the month (whatever its spec) and requests from usage
 * (`monthly_requests`), priced per 10,000 at its spec's rate. The free tier (20,000 requests a month
 * per account) is not subtracted.
 */
export const kmsKeyCost: CostFunction = (ctx) => {
  const spec = str(ctx, "customer_master_key_spec") ?? str(ctx, "key_spec") ?? "SYMMETRIC_DEFAULT";
  return {
    components: [
      monthly("Customer managed key", "months", { service: "awskms", key: "key-month" }, 1),
      usage(
        `Requests (${spec})`,
        "10K requests",
        { service: "awskms", key: requestKey(spec) },
        scaleUsage(usageNumber(ctx, "monthly_requests"), 1, 10_000),
        10_000,
      ),
    ],
  };
};
