import type { ApplyResult } from "./apply.ts";
import { ApplyFailedError } from "./errors.ts";
import type { Plan } from "./plan-types.ts";

/**
 * The one sentence an apply that stopped early is reported with: which resource failed and why, what
 * finished (and in which version it is recorded), what did not start, and that running again
 * continues. Undefined when nothing failed.
 */
export function applyFailure(plan: Plan, result: ApplyResult): ApplyFailedError | undefined {
  const failed = result.results.filter((r) => r.status === "failed");
  const [first] = failed;
  if (!first) return undefined;
  const skipped = result.results.filter((r) => r.status === "skipped").length;
  const finished = result.results.length - failed.length - skipped;
  const recorded =
    finished > 0
      ? `${finished} finished and ${finished === 1 ? "is" : "are"} recorded in state version ${result.version}`
      : "nothing was changed";
  return new ApplyFailedError(
    `${plan.command === "destroy" ? "Destroy" : "Apply"} stopped: ${first.address} failed: ${first.error?.message.replace(/\.$/, "")}${failed.length > 1 ? ` (and ${failed.length - 1} more)` : ""}; ${recorded}${skipped > 0 ? `, ${skipped} not started` : ""}.`,
    {
      hint: `${first.error?.hint ? `${first.error.hint} ` : ""}Then run ${plan.command} again: it continues from where it stopped.`,
    },
  );
}
