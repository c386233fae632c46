import { isAbsolute, join, resolve } from "node:path";
import type { ArtifactStore } from "../artifacts/artifact-store.ts";
import { LocalArtifactStore } from "../artifacts/local-artifact-store.ts";
import { InputError } from "../errors.ts";
import type { StoreClients } from "../state/dynamodb-store.ts";
import { LocalFileStore } from "../state/local-file-store.ts";
import type { StateStore } from "../state/store.ts";
import type { CliIO } from "./io.ts";

/** A state location opened: the store, and where runs keep artifacts. */
export interface StateLocation {
  store: StateStore;
  artifacts: ArtifactStore;
  /** A local store's directory, which also keeps the local bus's event log; none for DynamoDB. */
  localDir?: string;
}

/**
 * The state store `--state` names: `dynamodb:TABLE` or `dynamodb:TABLE/BUCKET` (BUCKET holds items
 * over 400 KB and the runs' artifacts, so another machine can continue a run), otherwise a directory
 * for the local file store. Without a bucket, a DynamoDB location keeps artifacts in `artifactsDir`.
 */
export async function openStateLocation(
  location: string,
  io: CliIO,
  aws: (() => Promise<StoreClients>) | undefined,
  artifactsDir: string,
): Promise<StateLocation> {
  if (location.startsWith("dynamodb:")) {
    const [table, bucket] = location.slice("dynamodb:".length).split("/");
    if (!table || !/^[A-Za-z0-9_.-]{3,255}$/.test(table))
      throw new InputError(
        `--state ${location} does not name a DynamoDB table; use dynamodb:TABLE or dynamodb:TABLE/BUCKET.`,
      );
    if (!aws) throw new InputError(`--state ${location} needs AWS settings (a region).`);
    const clients = await aws();
    const [{ DynamoDbStore }, { S3ArtifactStore }] = await Promise.all([
      import("../state/dynamodb-store.ts"),
      import("../artifacts/s3-artifact-store.ts"),
    ]);
    return {
      store: new DynamoDbStore(clients, { table, ...(bucket ? { bucket } : {}) }),
      artifacts: bucket
        ? new S3ArtifactStore({ client: await clients.s3(), bucket, prefix: "artifacts/" })
        : new LocalArtifactStore(artifactsDir),
    };
  }
  const dir = isAbsolute(location) ? location : resolve(io.cwd, location);
  return {
    store: new LocalFileStore(dir, ...(io.now ? [{ now: io.now }] : [])),
    artifacts: new LocalArtifactStore(join(dir, "artifacts")),
    localDir: dir,
  };
}
