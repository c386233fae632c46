import type { Checkpoint, VersionSummary } from "./types.ts";

/** A checkpoint without its resources, outputs and plan: one line of `plinth history`. */
export function summaryOf(checkpoint: Checkpoint): VersionSummary {
  const { resources, outputs: _outputs, plan: _plan, ...rest } = checkpoint;
  return { ...rest, resourceCount: Object.keys(resources).length };
}
