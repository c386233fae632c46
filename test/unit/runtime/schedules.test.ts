import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { SCHEDULES } from "../../../src/events/routes.ts";
import { validateEvent } from "../../../src/events/validate-event.ts";
import { InvalidScheduleError, parseSchedule } from "../../../src/runtime/schedule-expression.ts";
import { LocalScheduler } from "../../../src/runtime/scheduler.ts";

const at = (iso: string) => new Date(iso);
const next = (expression: string, after: string) => parseSchedule(expression)(at(after)).toISOString();

describe("EventBridge schedule expressions", () => {
  const cases: Array<[string, string, string]> = [
    ["cron(0 3 * * ? *)", "2026-11-27T02:59:30Z", "2026-11-27T03:00:00.000Z"],
    ["cron(0 3 * * ? *)", "2026-11-27T03:00:00Z", "2026-11-28T03:00:00.000Z"],
    ["cron(0 6 ? * MON *)", "2026-11-27T10:00:00Z", "2026-11-30T06:00:00.000Z"], // a Friday → Monday
    ["cron(0 6 ? * 2 *)", "2026-11-27T10:00:00Z", "2026-11-30T06:00:00.000Z"], // 2 is Monday (1 = Sunday)
    ["cron(0/15 * * * ? *)", "2026-11-27T10:07:00Z", "2026-11-27T10:15:00.000Z"],
    ["cron(30 9 1,15 * ? *)", "2026-11-16T00:00:00Z", "2026-12-01T09:30:00.000Z"],
    ["cron(0 0 1 JAN ? 2027)", "2026-11-27T00:00:00Z", "2027-01-01T00:00:00.000Z"],
    ["cron(0 8 ? * MON-FRI *)", "2026-11-28T09:00:00Z", "2026-11-30T08:00:00.000Z"], // Saturday → Monday
    ["cron(0 0 29 2 ? *)", "2026-03-01T00:00:00Z", "2028-02-29T00:00:00.000Z"],
    ["rate(5 minutes)", "2026-11-27T10:07:12Z", "2026-11-27T10:10:00.000Z"],
    ["rate(1 hour)", "2026-11-27T10:07:12Z", "2026-11-27T11:00:00.000Z"],
    ["rate(1 day)", "2026-11-27T10:07:12Z", "2026-11-28T00:00:00.000Z"],
  ];
  for (const [expression, after, expected] of cases) {
    test(`${expression} after ${after} → ${expected}`, () => assert.equal(next(expression, after), expected));
  }

  const bad: Array<[string, RegExp]> = [
    ["cron(0 3 * * *)", /six fields/],
    ["cron(0 3 * * * *)", /exactly one of day-of-month and day-of-week must be \?/],
    ["cron(0 3 ? * ? *)", /exactly one/],
    ["cron(61 3 * * ? *)", /`61` is not between 0 and 59/],
    ["cron(0 3 L * ? *)", /L, W and # are not supported/],
    ["cron(0 3 ? * 6#3 *)", /not supported/],
    ["cron(0 0 31 2 ? *)", /never fires/],
    ["rate(0 minutes)", /at least 1/],
    ["every day", /neither rate/],
  ];
  for (const [expression, message] of bad) {
    test(`refuses ${expression}`, () =>
      assert.throws(
        () => parseSchedule(expression)(at("2026-01-01T00:00:00Z")),
        (e: Error) => e instanceof InvalidScheduleError && message.test(e.message),
      ));
  }
});

describe("the local scheduler", () => {
  test("every schedule of the routing data parses and fires an event with a deterministic id", () => {
    for (const schedule of SCHEDULES) {
      const when = parseSchedule(schedule.expression)(at("2026-11-27T00:00:00Z"));
      const event = LocalScheduler.eventFor(schedule, when);
      validateEvent(event);
      assert.equal(event.id, LocalScheduler.eventFor(schedule, new Date(when)).id);
      assert.match(event.id as string, new RegExp(`^${schedule.name}-2026-`));
    }
  });

  test("fires when the time comes, with the fire time as event time, and re-arms", async () => {
    // A clock 50 ms before a minute boundary that runs at real speed.
    const base = Date.parse("2026-11-27T10:00:59.950Z");
    const started = Date.now();
    const now = () => new Date(base + (Date.now() - started));
    const put: Array<{ id?: string; time?: string }> = [];
    const scheduler = new LocalScheduler({
      schedules: [
        {
          name: "tick",
          description: "",
          expression: "rate(1 minute)",
          event: { source: "plinth.scheduler", "detail-type": "ScanRequested", detail: { kind: "drift" } },
        },
      ],
      put: async (event) => put.push(event),
      now,
    });
    scheduler.start();
    await new Promise((resolve) => setTimeout(resolve, 250));
    scheduler.stop();
    assert.deepEqual(
      put.map((e) => [e.id, e.time]),
      [["tick-2026-11-27T10-01-00-000Z", "2026-11-27T10:01:00Z"]],
    );
    assert.equal(scheduler.upcoming()[0]?.at.toISOString(), "2026-11-27T10:02:00.000Z");
  });
});
