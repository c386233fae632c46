import { createHash } from "node:crypto";
import type { ArtifactRef, ArtifactStore } from "./artifact-store.ts";

/** EventBridge entries and Step Functions payloads are capped at 256 KB; keep a margin for the envelope. */
export const OFFLOAD_THRESHOLD_BYTES = 200 * 1024;

export interface ArtifactReference {
  $artifact: ArtifactRef;
}

export function isArtifactReference(value: unknown): value is ArtifactReference {
  return (
    typeof value === "object" && value !== null && Object.keys(value).length === 1 && "$artifact" in value
  );
}

/**
 * The value itself when its JSON is small, else a reference to it in the store, under
 * `<prefix>/<sha256>.json` (content-addressed: storing the same payload twice writes one object).
 */
export async function offloadIfLarge<T>(
  value: T,
  store: ArtifactStore,
  prefix: string,
  threshold = OFFLOAD_THRESHOLD_BYTES,
): Promise<T | ArtifactReference> {
  const json = JSON.stringify(value);
  if (Buffer.byteLength(json) <= threshold) return value;
  const digest = createHash("sha256").update(json).digest("hex");
  return { $artifact: await store.put(`${prefix}/${digest}.json`, json) };
}

/** Reads a referenced payload back (checking its hash); other values are returned as they are. */
export async function resolveReference<T>(value: T | ArtifactReference, store: ArtifactStore): Promise<T> {
  if (!isArtifactReference(value)) return value;
  const bytes = await store.get(value.$artifact.key, value.$artifact);
  return JSON.parse(new TextDecoder().decode(bytes)) as T;
}
