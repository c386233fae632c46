/** What apply reports as it goes: progress lines for people, JSON events for machines. */
export type EngineEvent =
  | { type: "resource.started"; address: string; action: string }
  | { type: "resource.finished"; address: string; action: string; ms: number; adopted: boolean }
  | {
      type: "resource.failed";
      address: string;
      action: string;
      ms: number;
      error: { name: string; message: string };
    }
  | {
      type: "resource.retry";
      address: string;
      attempt: number;
      delayMs: number;
      error: { name: string; message: string };
    };
