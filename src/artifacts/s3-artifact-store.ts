import { GetObjectCommand, PutObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import { isTransientAwsError } from "../aws-transient.ts";
import {
  ArtifactNotFoundError,
  type ArtifactRef,
  type ArtifactStore,
  ArtifactStoreUnavailableError,
  checkArtifactKey,
  refOf,
  toBytes,
  verifyArtifact,
} from "./artifact-store.ts";

export interface S3ArtifactStoreOptions {
  client: S3Client;
  bucket: string;
  /** Prepended to every key, e.g. `artifacts/`. */
  prefix?: string;
}

/** Artifacts as objects of the artifact bucket (serverless mode). */
export class S3ArtifactStore implements ArtifactStore {
  readonly #client: S3Client;
  readonly #bucket: string;
  readonly #prefix: string;

  constructor(options: S3ArtifactStoreOptions) {
    this.#client = options.client;
    this.#bucket = options.bucket;
    this.#prefix = options.prefix ?? "";
  }

  async put(key: string, body: Uint8Array | string, contentType = "application/json"): Promise<ArtifactRef> {
    checkArtifactKey(key);
    const bytes = toBytes(body);
    const ref = refOf(key, bytes);
    const command = new PutObjectCommand({
      Bucket: this.#bucket,
      Key: this.#prefix + key,
      Body: bytes,
      ContentType: contentType,
      Metadata: { sha256: ref.sha256 },
    });
    try {
      await this.#client.send(command);
    } catch (error) {
      throw this.#mapError(error, key);
    }
    return ref;
  }

  async get(key: string, expected?: ArtifactRef): Promise<Uint8Array> {
    checkArtifactKey(key);
    try {
      const response = await this.#client.send(
        new GetObjectCommand({ Bucket: this.#bucket, Key: this.#prefix + key }),
      );
      return verifyArtifact((await response.Body?.transformToByteArray()) ?? new Uint8Array(), expected);
    } catch (error) {
      throw this.#mapError(error, key);
    }
  }

  #mapError(error: unknown, key: string): unknown {
    const name = (error as Error).name;
    if (name === "NoSuchKey" || name === "NotFound")
      return new ArtifactNotFoundError(`No artifact ${key} in s3://${this.#bucket}/${this.#prefix}.`);
    if (isTransientAwsError(error))
      return new ArtifactStoreUnavailableError(
        `S3 did not store or return ${key}: ${(error as Error).message}`,
        {
          cause: error,
        },
      );
    return error;
  }
}
