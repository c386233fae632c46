import { InputError } from "../errors.ts";

/** An EventBridge schedule expression plinth cannot evaluate. */
export class InvalidScheduleError extends InputError {
  override name = "InvalidScheduleError";
}

/** When a schedule fires next after `after`: `rate(5 minutes)` or `cron(min hour dom month dow year)`, UTC. */
export type NextFire = (after: Date) => Date;

const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
// EventBridge numbers days of the week 1-7 from Sunday.
const DAYS = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];
const UNIT_MS: Record<string, number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };

/**
 * Parses an EventBridge schedule expression ("Schedule expressions for rules"): `rate(value unit)`, or
 * `cron(...)` with six fields, `*`, `?`, lists, ranges, steps and month/day names. `L`, `W` and `#`
 * are refused rather than guessed.
 */
export function parseSchedule(expression: string): NextFire {
  const rate = /^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$/.exec(expression);
  if (rate) {
    const every = Number(rate[1]) * (UNIT_MS[(rate[2] as string).replace(/s$/, "")] as number);
    if (every <= 0) throw new InvalidScheduleError(`${expression}: the rate must be at least 1.`);
    return (after) => new Date(Math.floor(after.getTime() / every) * every + every);
  }
  const cron = /^cron\((.+)\)$/.exec(expression);
  const fields = cron?.[1]?.trim().split(/\s+/);
  if (fields?.length !== 6)
    throw new InvalidScheduleError(
      `\`${expression.slice(0, 100)}\` is neither rate(N unit) nor cron() with six fields.`,
    );
  const [minute, hour, dom, month, dow, year] = fields as [string, string, string, string, string, string];
  if ((dom === "?") === (dow === "?"))
    throw new InvalidScheduleError(`${expression}: exactly one of day-of-month and day-of-week must be ?.`);
  const sets = {
    minute: field(minute, 0, 59, [], expression),
    hour: field(hour, 0, 23, [], expression),
    dom: dom === "?" ? undefined : field(dom, 1, 31, [], expression),
    month: field(month, 1, 12, MONTHS, expression),
    dow: dow === "?" ? undefined : field(dow, 1, 7, DAYS, expression),
    year: field(year, 1970, 2199, [], expression),
  };
  return (after) => {
    const t = new Date(after.getTime());
    t.setUTCSeconds(0, 0);
    t.setUTCMinutes(t.getUTCMinutes() + 1);
    // Minute steps over at most a few years; skipping whole days and hours keeps it to a few thousand.
    for (let guard = 0; guard < 500_000; guard++) {
      if (!sets.year.has(t.getUTCFullYear()) || !sets.month.has(t.getUTCMonth() + 1)) {
        t.setUTCMonth(t.getUTCMonth() + 1, 1);
        t.setUTCHours(0, 0);
        continue;
      }
      const dayOk = sets.dom
        ? sets.dom.has(t.getUTCDate())
        : (sets.dow as Set<number>).has(t.getUTCDay() + 1);
      if (!dayOk) {
        t.setUTCDate(t.getUTCDate() + 1);
        t.setUTCHours(0, 0);
        continue;
      }
      if (!sets.hour.has(t.getUTCHours())) {
        t.setUTCHours(t.getUTCHours() + 1, 0);
        continue;
      }
      if (sets.minute.has(t.getUTCMinutes())) return t;
      t.setUTCMinutes(t.getUTCMinutes() + 1);
    }
    throw new InvalidScheduleError(`${expression} never fires.`);
  };
}

function field(text: string, min: number, max: number, names: string[], expression: string): Set<number> {
  const values = new Set<number>();
  const value = (token: string): number => {
    const named = names.indexOf(token.toUpperCase());
    const n = named >= 0 ? named + 1 : /^\d+$/.test(token) ? Number(token) : Number.NaN;
    if (!(n >= min && n <= max))
      throw new InvalidScheduleError(
        `${expression}: \`${token}\` is not between ${min} and ${max}${names.length ? ` or a name` : ""}.`,
      );
    return n;
  };
  for (const part of text.split(",")) {
    if (/[LW#]/.test(part.replace(/[A-Z]{3}/gi, (m) => (names.includes(m.toUpperCase()) ? "" : m))))
      throw new InvalidScheduleError(
        `${expression}: L, W and # are not supported by plinth's local scheduler.`,
      );
    const [range, stepText] = part.split("/") as [string, string | undefined];
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1)
      throw new InvalidScheduleError(`${expression}: bad step in \`${part}\`.`);
    let [from, to] = [min, max];
    if (range !== "*") {
      const [a, b] = range.split("-") as [string, string | undefined];
      from = value(a);
      to = b === undefined ? (stepText === undefined ? from : max) : value(b);
    }
    for (let n = from; n <= to; n += step) values.add(n);
  }
  return values;
}
