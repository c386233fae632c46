import type { Value } from "../../../model/value.ts";
import { asString, EvaluationError } from "../values.ts";
import { fn, type TerraformFunction } from "./function.ts";

/** A timestamp as written, in its own UTC offset (Terraform formats in the offset it was given). */
interface Timestamp {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** Minutes east of UTC. */
  offset: number;
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:Z|([+-])(\d{2}):(\d{2}))$/;

/**
 * Reads an RFC 3339 timestamp (`2018-01-02T23:12:01Z`, `…-08:00`, fractional seconds allowed) as
 * Terraform reads it; anything else is an `EvaluationError`.
 */
function parseTimestamp(text: string): Timestamp {
  const match = RFC3339.exec(text);
  if (!match)
    throw new EvaluationError(
      `${JSON.stringify(text)} is not an RFC 3339 timestamp such as "2018-01-02T23:12:01Z"`,
    );
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const [sign, offsetHours = "0", offsetMinutes = "0"] = match.slice(7);
  const out = (what: string) =>
    new EvaluationError(`${JSON.stringify(text)} is not a valid timestamp: the ${what} is out of range`);
  if (month < 1 || month > 12) throw out("month");
  if (day < 1 || day > daysIn(year, month)) throw out("day");
  if (hour > 23) throw out("hour");
  if (minute > 59) throw out("minute");
  if (second > 59) throw out("second");
  if (Number(offsetHours) > 23 || Number(offsetMinutes) > 59) throw out("time zone offset");
  const offset = (sign === "-" ? -1 : 1) * (Number(offsetHours) * 60 + Number(offsetMinutes));
  return { year, month, day, hour, minute, second, offset };
}

/**
 * `formatdate(spec, timestamp)`: Terraform's date format. Runs of one letter are verbs (`YYYY`, `MMM`,
 * `hh`…), text in single quotes is literal (`''` is a quote), any other character is itself.
 */
function formatDate(spec: string, timestamp: string): string {
  const t = parseTimestamp(timestamp);
  let out = "";
  let i = 0;
  while (i < spec.length) {
    const c = spec[i] as string;
    if (c === "'") {
      const [literal, end] = quoted(spec, i);
      out += literal;
      i = end;
      continue;
    }
    if (!/[A-Za-z]/.test(c)) {
      out += c;
      i++;
      continue;
    }
    let end = i + 1;
    while (spec[end] === c) end++;
    out += formatVerb(spec.slice(i, end), t);
    i = end;
  }
  return out;
}

/** The text of the quoted literal starting at `start` (`''` alone or inside one is a quote), and its end. */
function quoted(spec: string, start: number): [string, number] {
  if (spec[start + 1] === "'") return ["'", start + 2];
  let text = "";
  for (let i = start + 1; i < spec.length; i++) {
    if (spec[i] !== "'") {
      text += spec[i];
    } else if (spec[i + 1] === "'") {
      text += "'";
      i++;
    } else {
      return [text, i + 1];
    }
  }
  throw new EvaluationError("the format has a literal whose closing `'` is missing");
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** What one verb gives: the same letter repeated, each count with its meaning. */
function formatVerb(verb: string, t: Timestamp): string {
  const n = verb.length;
  const choose = (forms: Record<number, () => string>, expected: string): string => {
    const form = forms[n];
    if (!form) throw new EvaluationError(`invalid date format verb \`${verb}\`: ${expected}`);
    return form();
  };
  const twelve = t.hour % 12 === 0 ? 12 : t.hour % 12;
  switch (verb[0]) {
    case "Y":
      return choose({ 2: () => pad(t.year % 100), 4: () => pad(t.year, 4) }, "a year is YY or YYYY");
    case "M":
      return choose(
        {
          1: () => String(t.month),
          2: () => pad(t.month),
          3: () => (MONTHS[t.month - 1] as string).slice(0, 3),
          4: () => MONTHS[t.month - 1] as string,
        },
        "a month is M, MM, MMM or MMMM",
      );
    case "D":
      return choose({ 1: () => String(t.day), 2: () => pad(t.day) }, "a day of the month is D or DD");
    case "E": {
      const name = WEEKDAYS[weekday(t)] as string;
      return choose({ 3: () => name.slice(0, 3), 4: () => name }, "a day of the week is EEE or EEEE");
    }
    case "h":
      return choose({ 1: () => String(t.hour), 2: () => pad(t.hour) }, "a 24-hour hour is h or hh");
    case "H":
      return choose({ 1: () => String(twelve), 2: () => pad(twelve) }, "a 12-hour hour is H or HH");
    case "A":
    case "a": {
      const marker = t.hour < 12 ? "AM" : "PM";
      return choose(
        { 2: () => (verb[0] === "A" ? marker : marker.toLowerCase()) },
        `AM/PM is ${verb[0]}${verb[0]}`,
      );
    }
    case "m":
      return choose({ 1: () => String(t.minute), 2: () => pad(t.minute) }, "a minute is m or mm");
    case "s":
      return choose({ 1: () => String(t.second), 2: () => pad(t.second) }, "a second is s or ss");
    case "Z":
      return choose(
        {
          1: () => (t.offset === 0 ? "Z" : offset(t.offset, ":")),
          3: () => (t.offset === 0 ? "UTC" : offset(t.offset, "")),
          4: () => offset(t.offset, ""),
          5: () => offset(t.offset, ":"),
        },
        "a time zone is Z, ZZZ, ZZZZ or ZZZZZ",
      );
    default:
      throw new EvaluationError(
        `invalid date format verb \`${verb}\`: put literal letters in single quotes ('${verb}')`,
      );
  }
}

/** `-0800` or `-08:00`. */
function offset(minutes: number, separator: string): string {
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? "-" : "+"}${pad(Math.floor(abs / 60))}${separator}${pad(abs % 60)}`;
}

/** 0 for Sunday, in the proleptic Gregorian calendar RFC 3339 uses. */
function weekday(t: Timestamp): number {
  const date = new Date(0);
  date.setUTCFullYear(t.year, t.month - 1, t.day);
  return date.getUTCDay();
}

function daysIn(year: number, month: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month, 0);
  return date.getUTCDate();
}

export const dateFunctions: Readonly<Record<string, TerraformFunction>> = {
  formatdate: fn([2, 2], ([spec, timestamp]) =>
    formatDate(asString(spec as Value, "format"), asString(timestamp as Value, "timestamp")),
  ),
};
