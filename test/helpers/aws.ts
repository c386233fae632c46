import { motoEndpoint, resetMoto } from "./moto.ts";

/** SDK client settings for the moto server: loopback endpoint, dummy credentials, no retries. */
export interface MotoClientConfig {
  endpoint: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  maxAttempts: number;
  forcePathStyle: boolean;
}

/** A reset moto server and the client settings to reach it. */
export async function freshMoto(): Promise<MotoClientConfig> {
  const endpoint = await motoEndpoint();
  await resetMoto(endpoint);
  return {
    endpoint,
    region: "us-east-1",
    credentials: { accessKeyId: "testing", secretAccessKey: "testing" },
    // moto answers unimplemented actions with 500, which the SDK would otherwise retry.
    maxAttempts: 1,
    forcePathStyle: true,
  };
}
