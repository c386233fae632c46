import type { StateStore } from "./store.ts";
import type { Checkpoint, ResourceState, StateKey } from "./types.ts";

/** An environment's state as of now: the newest version plus the journal of an apply that did not finish. */
export interface WorkingState {
  /** The version the journal builds on (0 before the first apply). */
  version: number;
  checkpoint: Checkpoint | undefined;
  resources: Map<string, ResourceState>;
  /**
   * Resources an interrupted apply was creating or deleting when it stopped, as it meant them (id
   * empty for creates): the cloud may hold one plinth has not recorded, or no longer hold one it has.
   * Plan reads those in state again; apply looks for the others by their tags before creating one,
   * or deletes them if found when they are no longer wanted.
   */
  interrupted: Map<string, ResourceState>;
  /** Whether an interrupted apply's journal was replayed. */
  recovered: boolean;
}

export async function loadWorkingState(store: StateStore, key: StateKey): Promise<WorkingState> {
  const checkpoint = await store.readCheckpoint(key);
  const version = checkpoint?.version ?? 0;
  const resources = new Map(Object.entries(checkpoint?.resources ?? {}));
  const interrupted = new Map<string, ResourceState>();
  let recovered = false;
  for (const entry of await store.readJournal(key)) {
    // Entries on an older version were committed before the journal could be cleared.
    if (entry.base !== version) continue;
    recovered = true;
    if (entry.op === "intent")
      interrupted.set(entry.address, entry.resource ?? unknownResource(entry.address));
    else if (entry.op === "cancel") interrupted.delete(entry.address);
    else {
      interrupted.delete(entry.address);
      if (entry.op === "put" && entry.resource) resources.set(entry.address, entry.resource);
      else resources.delete(entry.address);
    }
  }
  return { version, checkpoint, resources, interrupted, recovered };
}

/** An intent written before intents carried their resource: its type is unknown. */
function unknownResource(address: string): ResourceState {
  return { address, type: "", id: "", inputs: {}, outputs: {}, dependsOn: [] };
}
