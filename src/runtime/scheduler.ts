import type { EventInput } from "../events/envelope.ts";
import type { Schedule } from "../events/routes.ts";
import { type NextFire, parseSchedule } from "./schedule-expression.ts";

export interface SchedulerOptions {
  schedules: ReadonlyArray<Schedule>;
  /** Puts the schedule's event on the bus. */
  put: (event: EventInput) => Promise<unknown>;
  now?: () => Date;
  /** Reports a put that failed; the scheduler keeps going. */
  onError?: (schedule: Schedule, error: unknown) => void;
}

/**
 * The local EventBridge Scheduler: fires each schedule at its times with an event whose id is the
 * schedule's name and the fire time, so two schedulers (or a restart at the same minute) start one run.
 */
export class LocalScheduler {
  readonly #options: SchedulerOptions;
  readonly #timers = new Set<NodeJS.Timeout>();
  readonly #next: Array<{ schedule: Schedule; next: NextFire }>;

  constructor(options: SchedulerOptions) {
    this.#options = options;
    this.#next = options.schedules.map((schedule) => ({
      schedule,
      next: parseSchedule(schedule.expression),
    }));
  }

  /** The next fire time of every schedule. */
  upcoming(): Array<{ name: string; at: Date }> {
    const now = this.#now();
    return this.#next.map(({ schedule, next }) => ({ name: schedule.name, at: next(now) }));
  }

  /** The event a schedule puts when it fires at `at`. */
  static eventFor(schedule: Schedule, at: Date): EventInput {
    return {
      ...schedule.event,
      id: `${schedule.name}-${at.toISOString().replace(/[:.]/g, "-")}`,
      time: at.toISOString().replace(/\.\d{3}Z$/, "Z"),
    };
  }

  start(): void {
    for (const entry of this.#next) this.#arm(entry);
  }

  stop(): void {
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
  }

  #arm(entry: { schedule: Schedule; next: NextFire }): void {
    const at = entry.next(this.#now());
    // setTimeout's limit is about 24.8 days; longer waits re-arm on the way.
    const delay = Math.min(at.getTime() - this.#now().getTime(), 2 ** 31 - 1);
    const timer = setTimeout(
      async () => {
        this.#timers.delete(timer);
        if (this.#now().getTime() >= at.getTime()) {
          await this.#options
            .put(LocalScheduler.eventFor(entry.schedule, at))
            .catch((error) => this.#options.onError?.(entry.schedule, error));
        }
        this.#arm(entry);
      },
      Math.max(0, delay),
    );
    this.#timers.add(timer);
  }

  #now(): Date {
    return (this.#options.now ?? (() => new Date()))();
  }
}
