import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import type { AwsContext, AwsCrud } from "../../src/catalog/aws/aws-crud.ts";
import type { Observed, ResourceCall } from "../../src/engine/resource-handler.ts";
import type { JsonObject } from "../../src/model/value.ts";
import { AwsClients, type AwsConfig } from "../../src/providers/aws/aws-clients.ts";
import { type MotoAccount, motoAccount, motoEndpoint } from "./moto.ts";
/**
 * Clients for the shared moto server in an AWS account of their own (see motoAccount), so test files
 * running in parallel never see each other's resources. `overrides` may name another endpoint or
 * credentials. One attempt per call: moto answers unimplemented calls with 500s.
 */
export async function motoClients(overrides: Partial<AwsConfig> = {}): Promise<AwsClients> {
  const endpoint = overrides.endpoint ?? (await motoEndpoint());
  const credentials = overrides.credentials ?? (await motoAccount(endpoint)).credentials;
  return new AwsClients({ region: "us-east-1", maxAttempts: 1, ...overrides, endpoint, credentials });
}

/** An empty AWS account on the moto server and an AwsContext in it. */
export async function freshAws(): Promise<AwsContext> {
  return { clients: await motoClients(), sleep: async () => {} };
}

/** Environment variables for the CLI to work in `account` on `endpoint`. */
export function motoEnv(endpoint: string, account: MotoAccount): Record<string, string> {
  return {
    AWS_ENDPOINT_URL: endpoint,
    AWS_ACCESS_KEY_ID: account.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: account.credentials.secretAccessKey,
    AWS_SESSION_TOKEN: account.credentials.sessionToken,
  };
}

export function callFor(address: string, properties: JsonObject): ResourceCall {
  return {
    address,
    properties,
    identity: { "plinth:app": "itest", "plinth:env": "dev", "plinth:address": address },
    token: `token-${address.replace(/[^a-z0-9]/gi, "-")}`.slice(0, 64),
  };
}

export function tagsFor(address: string): JsonObject {
  return { "plinth:app": "itest", "plinth:env": "dev", "plinth:address": address, team: "qa" };
}

/**
 * Creates through `crud`, reads it back, optionally updates, then deletes and checks it is gone:
 * the lifecycle every AWS type must survive against moto. Returns what create observed.
 */
export async function lifecycle(
  aws: AwsContext,
  crud: AwsCrud,
  address: string,
  properties: JsonObject,
  options: {
    update?: JsonObject;
    check?: (observed: Observed) => Promise<void> | void;
    checkUpdated?: (observed: Observed) => Promise<void> | void;
    checkDeleted?: (observed: Observed) => Promise<void> | void;
    keep?: boolean;
  } = {},
): Promise<Observed> {
  const call = callFor(address, properties);
  const created = await crud.create(aws, call);
  assert.ok(created.id, `${crud.type}: create returns an id`);
  const read = await crud.read(aws, { ...call, id: created.id, outputs: created.outputs });
  assert.ok(read, `${crud.type}: read finds what create made`);
  assert.equal(read.id, created.id);
  await options.check?.(created);
  if (options.update) {
    assert.ok(crud.update, `${crud.type} can update in place`);
    const next = { ...properties, ...options.update };
    const changed = Object.keys(options.update);
    const updated = await crud.update(aws, {
      ...callFor(address, next),
      id: created.id,
      outputs: created.outputs,
      previous: properties,
      changed,
    });
    await options.checkUpdated?.(updated);
  }
  if (options.keep) return created;
  await crud.delete(aws, { ...call, id: created.id, outputs: created.outputs });
  assert.equal(
    await crud.read(aws, { ...call, id: created.id, outputs: created.outputs }),
    undefined,
    `${crud.type}: gone after delete`,
  );
  await options.checkDeleted?.(created);
  // Deleting again is not an error: a retried delete must succeed.
  await crud.delete(aws, { ...call, id: created.id, outputs: created.outputs });
  return created;
}

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
