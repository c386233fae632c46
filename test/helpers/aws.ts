import { randomBytes } from "node:crypto";
import { motoAccount, motoEndpoint } from "./moto.ts";

/** SDK client settings for the moto server: loopback endpoint, an account of its own, no retries. */
export interface MotoClientConfig {
  endpoint: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken: string };
  maxAttempts: number;
  forcePathStyle: boolean;
  accountId: string;
}

/**
 * Client settings for a fresh AWS account inside the shared moto server: test files run in parallel
 * against one moto, so each test works in an account nobody else uses instead of resetting it.
 */
export async function freshMoto(): Promise<MotoClientConfig> {
  const endpoint = await motoEndpoint();
  const { accountId, credentials } = await motoAccount(endpoint);
  return {
    endpoint,
    region: "us-east-1",
    credentials,
    // moto answers unimplemented actions with 500, which the SDK would otherwise retry.
    maxAttempts: 1,
    forcePathStyle: true,
    accountId,
  };
}

/** S3 bucket names are global, in moto as in AWS: a name no other test uses. */
export function uniqueBucket(prefix: string): string {
  return `${prefix}-${randomBytes(5).toString("hex")}`;
}
