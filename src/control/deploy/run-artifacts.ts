import type { ArtifactRef, ArtifactStore } from "../../artifacts/artifact-store.ts";

/** A run's artifacts live under `runs/<run id>/`: graph, code, plan, reports, results. */
export function runArtifact(runId: string, name: string): string {
  return `runs/${runId}/${name}`;
}

export function putJson(artifacts: ArtifactStore, key: string, value: unknown): Promise<ArtifactRef> {
  return artifacts.put(key, JSON.stringify(value), "application/json");
}

/** Reads a stored artifact back, checking it is the one `ref` names (its hash). */
export async function getText(artifacts: ArtifactStore, ref: ArtifactRef): Promise<string> {
  return new TextDecoder().decode(await artifacts.get(ref.key, ref));
}

export async function getJson<T>(artifacts: ArtifactStore, ref: ArtifactRef): Promise<T> {
  return JSON.parse(await getText(artifacts, ref)) as T;
}
