import type { StateStore } from "./store.ts";
import type { Checkpoint, ResourceState, StateKey } from "./types.ts";

/** An environment's state as of now: the newest version plus the journal of an apply that did not finish. */
export interface WorkingState {
  /** The version the journal builds on (0 before the first apply). */
  version: number;
  checkpoint: Checkpoint | undefined;
  resources: Map<string, ResourceState>;
  /**
   * Addresses an interrupted apply was creating when it stopped: the cloud may hold a resource plinth
   * has not recorded. Apply looks for these by their tags before creating anything.
   */
  interrupted: Set<string>;
  /** Whether an interrupted apply's journal was replayed. */
  recovered: boolean;
}

export async function loadWorkingState(store: StateStore, key: StateKey): Promise<WorkingState> {
  const checkpoint = await store.readCheckpoint(key);
  const version = checkpoint?.version ?? 0;
  const resources = new Map(Object.entries(checkpoint?.resources ?? {}));
  const interrupted = new Set<string>();
  let recovered = false;
  for (const entry of await store.readJournal(key)) {
    // Entries on an older version were committed before the journal could be cleared.
    if (entry.base !== version) continue;
    recovered = true;
    if (entry.op === "intent") interrupted.add(entry.address);
    else {
      interrupted.delete(entry.address);
      if (entry.op === "put" && entry.resource) resources.set(entry.address, entry.resource);
      else resources.delete(entry.address);
    }
  }
  return { version, checkpoint, resources, interrupted, recovered };
}
