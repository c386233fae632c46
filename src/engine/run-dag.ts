export interface DagTask {
  id: string;
  /** Ids of tasks that must finish first; ids not in the task set are ignored. */
  after: ReadonlyArray<string>;
  run: () => Promise<void>;
}

export interface DagOutcome {
  finished: string[];
  failed: Array<{ id: string; error: unknown }>;
  /** Never started: a task failed first, or something they wait for failed. */
  skipped: string[];
}

/**
 * Runs tasks as soon as what they wait for has finished, at most `parallelism` at a time. After the
 * first failure nothing new starts; tasks in flight finish. The graph must be acyclic (tasks in a
 * cycle are reported as skipped).
 */
export async function runDag(tasks: ReadonlyArray<DagTask>, parallelism: number): Promise<DagOutcome> {
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const waiting = new Map<string, number>();
  const dependents = new Map<string, string[]>();
  for (const task of tasks) {
    const deps = [...new Set(task.after)].filter((d) => byId.has(d) && d !== task.id);
    waiting.set(task.id, deps.length);
    for (const dep of deps) {
      const list = dependents.get(dep);
      if (list) list.push(task.id);
      else dependents.set(dep, [task.id]);
    }
  }
  const ready = tasks.filter((t) => waiting.get(t.id) === 0).map((t) => t.id);
  const outcome: DagOutcome = { finished: [], failed: [], skipped: [] };
  const started = new Set<string>();
  let running = 0;

  await new Promise<void>((resolve) => {
    const pump = () => {
      while (running < parallelism && ready.length > 0 && outcome.failed.length === 0) {
        const id = ready.shift() as string;
        started.add(id);
        running++;
        (byId.get(id) as DagTask)
          .run()
          .then(
            () => {
              outcome.finished.push(id);
              for (const dependent of dependents.get(id) ?? []) {
                const left = (waiting.get(dependent) ?? 0) - 1;
                waiting.set(dependent, left);
                if (left === 0) ready.push(dependent);
              }
            },
            (error: unknown) => outcome.failed.push({ id, error }),
          )
          .finally(() => {
            running--;
            pump();
          });
      }
      if (running === 0) resolve();
    };
    pump();
  });
  outcome.skipped = tasks.map((t) => t.id).filter((id) => !started.has(id));
  return outcome;
}
