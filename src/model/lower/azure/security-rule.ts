import type { LoweringContext } from "../context.ts";

/** Azure evaluates inbound rules by priority, lowest first; user rules take 100 to 4096. */
export const FIRST_PRIORITY = 100;
export const LAST_PRIORITY = 4096;

// Priorities must be unique per security group and direction, and every VM of a network adds its rules to
// the network's one group, so each lowering run counts per network.
const taken = new WeakMap<LoweringContext, Map<string, number>>();

/**
 * The next free inbound priority on a network's security group, or undefined when the group is full. The
 * last priority is kept for the network's own deny rule, so every allow rule comes before it.
 */
export function nextPriority(ctx: LoweringContext, network: string): number | undefined {
  let counters = taken.get(ctx);
  if (!counters) {
    counters = new Map();
    taken.set(ctx, counters);
  }
  const priority = counters.get(network) ?? FIRST_PRIORITY;
  if (priority >= LAST_PRIORITY) return undefined;
  counters.set(network, priority + 1);
  return priority;
}
