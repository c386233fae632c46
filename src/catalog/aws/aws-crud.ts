import type {
  ExistingCall,
  Observed,
  ResourceCall,
  ResourceHandler,
  UpdateCall,
} from "../../engine/resource-handler.ts";
import type { AwsClients } from "../../providers/aws/aws-clients.ts";
import { AwsNotFoundError } from "../../providers/aws/aws-errors.ts";
import { type Sleep, type WaitOptions, waitUntil } from "../../providers/aws/wait-until.ts";

/** What an AWS type's CRUD gets: the clients for the environment's region and identity, and a waiter. */
export interface AwsContext {
  clients: AwsClients;
  sleep: Sleep;
}

/** One AWS resource type's create/read/update/delete (see ResourceHandler for the contract). */
export interface AwsCrud {
  readonly type: string;
  readonly forceNew: ReadonlyArray<string>;
  readonly sensitive?: ReadonlyArray<string>;
  readonly createBeforeDestroy?: boolean;
  create(aws: AwsContext, call: ResourceCall): Promise<Observed>;
  read(aws: AwsContext, call: ExistingCall): Promise<Observed | undefined>;
  update?(aws: AwsContext, call: UpdateCall): Promise<Observed>;
  delete(aws: AwsContext, call: ExistingCall): Promise<void>;
  find?(aws: AwsContext, call: ResourceCall): Promise<Observed | undefined>;
}

/** The engine's view of an AWS type: its CRUD with the context bound. */
export function bindAws(crud: AwsCrud, aws: AwsContext): ResourceHandler {
  const { update, find } = crud;
  return {
    type: crud.type,
    forceNew: crud.forceNew,
    external: true,
    ...(crud.sensitive ? { sensitive: crud.sensitive } : {}),
    ...(crud.createBeforeDestroy ? { createBeforeDestroy: true } : {}),
    create: (call) => crud.create(aws, call),
    read: (call) => crud.read(aws, call),
    delete: (call) => crud.delete(aws, call),
    ...(update ? { update: (call: UpdateCall) => update.call(crud, aws, call) } : {}),
    ...(find ? { find: (call: ResourceCall) => find.call(crud, aws, call) } : {}),
  };
}

/** The call's result, or undefined when AWS says the thing does not exist. */
export async function unlessNotFound<T>(call: Promise<T>): Promise<T | undefined> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof AwsNotFoundError) return undefined;
    throw error;
  }
}

/** Deleting what is already gone succeeds. */
export async function deleteIgnoringNotFound(call: Promise<unknown>): Promise<void> {
  await unlessNotFound(call);
}

export function wait<T>(
  aws: AwsContext,
  check: () => Promise<T | undefined>,
  options: WaitOptions,
): Promise<T> {
  return waitUntil(check, { intervalMs: 200, ...options }, aws.sleep);
}
