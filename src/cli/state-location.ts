import { isAbsolute, resolve } from "node:path";
import { InputError } from "../errors.ts";
import type { AwsClients } from "../providers/aws/aws-clients.ts";
import { LocalFileStore } from "../state/local-file-store.ts";
import type { StateStore } from "../state/store.ts";
import type { CliIO } from "./io.ts";

/**
 * The state store `--state` names: `dynamodb:TABLE` or `dynamodb:TABLE/BUCKET` (BUCKET holds items
 * over 400 KB), otherwise a directory for the local file store.
 */
export async function openStateStore(
  location: string,
  io: CliIO,
  aws: AwsClients | undefined,
): Promise<StateStore> {
  if (location.startsWith("dynamodb:")) {
    const [table, bucket] = location.slice("dynamodb:".length).split("/");
    if (!table || !/^[A-Za-z0-9_.-]{3,255}$/.test(table))
      throw new InputError(
        `--state ${location} does not name a DynamoDB table; use dynamodb:TABLE or dynamodb:TABLE/BUCKET.`,
      );
    const { DynamoDbStore } = await import("../state/dynamodb-store.ts");
    return new DynamoDbStore(aws as AwsClients, { table, ...(bucket ? { bucket } : {}) });
  }
  return new LocalFileStore(isAbsolute(location) ? location : resolve(io.cwd, location));
}
