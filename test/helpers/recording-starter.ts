import type { WorkflowStarter } from "../../src/events/dispatch.ts";
import type { PlinthEvent } from "../../src/events/envelope.ts";

/** A starter that records starts and, like Step Functions, starts a given run name only once. */
export class RecordingStarter implements WorkflowStarter {
  readonly started: Array<{ workflow: string; runId: string; input: PlinthEvent }> = [];
  #waiters: Array<() => void> = [];

  async start(workflow: string, input: PlinthEvent, runId: string) {
    const fresh = !this.started.some((s) => s.runId === runId);
    if (fresh) this.started.push({ workflow, runId, input });
    for (const wake of this.#waiters.splice(0)) wake();
    return { runId, started: fresh };
  }

  /** Resolves once `count` runs have started (or rejects after `ms`). */
  async until(count: number, ms = 10_000): Promise<void> {
    const deadline = Date.now() + ms;
    while (this.started.length < count) {
      if (Date.now() > deadline)
        throw new Error(`only ${this.started.length} of ${count} runs started within ${ms} ms`);
      await new Promise<void>((resolve) => {
        this.#waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
  }
}
