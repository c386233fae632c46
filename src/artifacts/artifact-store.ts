import { createHash } from "node:crypto";
import { InputError, PlinthError } from "../errors.ts";

/** Where a stored artifact is and how to check it is the one that was stored. */
export interface ArtifactRef {
  key: string;
  bytes: number;
  sha256: string;
}

/**
 * Large payloads (generated code, plans, event details over ~200 KB) kept outside events and workflow
 * state: S3 in the cloud, a local directory embedded. Keys are relative paths of safe characters.
 */
export interface ArtifactStore {
  put(key: string, body: Uint8Array | string, contentType?: string): Promise<ArtifactRef>;
  /** The stored bytes; when `ref` is given they must hash to it, or the read fails. */
  get(key: string, expected?: ArtifactRef): Promise<Uint8Array>;
}

/** S3's safe key characters, as path segments; no `.`/`..` segments, no leading `/`. */
const KEY = /^[A-Za-z0-9!_.*'()-]+(\/[A-Za-z0-9!_.*'()-]+)*$/;

export class InvalidArtifactKeyError extends InputError {
  override name = "InvalidArtifactKeyError";
}

export class ArtifactNotFoundError extends PlinthError {
  override name = "ArtifactNotFoundError";
}

/** The stored bytes differ from what the reference promised: tampering or a partial write. */
export class ArtifactIntegrityError extends PlinthError {
  override name = "ArtifactIntegrityError";
}

/** The store could not be reached or throttled; the call may succeed later. */
export class ArtifactStoreUnavailableError extends PlinthError {
  override name = "ArtifactStoreUnavailableError";
  override readonly retryable = true;
}

export function checkArtifactKey(key: string): void {
  if (key.length > 1024 || !KEY.test(key) || key.split("/").some((s) => s === "." || s === ".."))
    throw new InvalidArtifactKeyError(
      `Artifact key \`${key.slice(0, 80)}\` is not a safe relative path (letters, digits and !_.*'()- in /-separated parts, no . or ..).`,
    );
}

export function refOf(key: string, body: Uint8Array): ArtifactRef {
  return { key, bytes: body.byteLength, sha256: createHash("sha256").update(body).digest("hex") };
}

export function verifyArtifact(body: Uint8Array, expected: ArtifactRef | undefined): Uint8Array {
  if (expected && refOf(expected.key, body).sha256 !== expected.sha256)
    throw new ArtifactIntegrityError(
      `Artifact ${expected.key} does not match its sha256; it was changed after it was stored.`,
    );
  return body;
}

export const toBytes = (body: Uint8Array | string): Uint8Array =>
  typeof body === "string" ? new TextEncoder().encode(body) : body;
