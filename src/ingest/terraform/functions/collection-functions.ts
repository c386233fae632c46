import { isPlainObject, setOwn, type Value, type ValueObject } from "../../../model/value.ts";
import { unknownFrom } from "../evaluate-expression.ts";
import {
  asBool,
  asList,
  asNumber,
  asObject,
  asString,
  describeValue,
  EvaluationError,
  isConcrete,
  isPending,
  sortedEntries,
  toSet,
  valuesEqual,
} from "../values.ts";
import { fn, type TerraformFunction } from "./function.ts";

const list = (value: Value, what = "argument") => {
  if (isPlainObject(value)) throw new EvaluationError(`the ${what} must be a list, not a map`);
  return asList(value, what);
};

function length(value: Value): Value {
  if (typeof value === "string") return [...value].length;
  if (Array.isArray(value)) return value.length;
  if (isPlainObject(value)) return Object.keys(value).length;
  throw new EvaluationError(`cannot take the length of ${describeValue(value)}`);
}

function flatten(value: Value): Value[] {
  const out: Value[] = [];
  for (const item of list(value)) {
    if (isPending(item))
      throw new EvaluationError("cannot flatten a list holding values known only after apply");
    if (Array.isArray(item)) out.push(...flatten(item));
    else out.push(item);
  }
  return out;
}

function merge(args: Value[]): Value {
  const out: ValueObject = {};
  for (const arg of args) {
    if (arg === null) continue;
    for (const [key, value] of Object.entries(asObject(arg, "argument"))) setOwn(out, key, value);
  }
  return out;
}

function range(args: Value[]): Value {
  const numbers = args.map((a) => asNumber(a));
  const [start, end, step] =
    numbers.length === 1
      ? [0, numbers[0] as number, 1]
      : [
          numbers[0] as number,
          numbers[1] as number,
          numbers[2] ?? ((numbers[0] as number) <= (numbers[1] as number) ? 1 : -1),
        ];
  if (step === 0) throw new EvaluationError("the step must not be zero");
  const out: number[] = [];
  for (let i = start; step > 0 ? i < end : i > end; i += step) {
    out.push(i);
    if (out.length > 1024) throw new EvaluationError("more than 1024 numbers");
  }
  return out;
}

function containsValue(collection: Value[], value: Value): Value {
  if (collection.some((item) => valuesEqual(item, value))) return true;
  if (!isConcrete(value) || collection.some((item) => !isConcrete(item)))
    return unknownFrom(
      collection.find((item) => !isConcrete(item)) ?? value,
      "an element known only after apply",
    );
  return false;
}

/** Collection functions; those that only move values around keep references inside them. */
export const collectionFunctions: Record<string, TerraformFunction> = {
  length: fn([1, 1], ([v]) => length(v as Value), "containers"),
  lookup: fn(
    [2, 3],
    ([map, key, fallback]) => {
      const object = asObject(map as Value, "map");
      const name = asString(key as Value, "key");
      if (Object.hasOwn(object, name)) return object[name] as Value;
      if (fallback === undefined)
        throw new EvaluationError(`the map has no key \`${name}\` and no default was given`);
      return fallback;
    },
    "containers",
  ),
  merge: fn([0, Number.POSITIVE_INFINITY], merge, "containers"),
  concat: fn([0, Number.POSITIVE_INFINITY], (args) => args.flatMap((a) => list(a)), "containers"),
  contains: fn([2, 2], ([c, v]) => containsValue(list(c as Value, "collection"), v as Value), "containers"),
  keys: fn([1, 1], ([m]) => Object.keys(asObject(m as Value, "map")).sort(), "containers"),
  values: fn([1, 1], ([m]) => sortedEntries(asObject(m as Value, "map")).map(([, v]) => v), "containers"),
  element: fn(
    [2, 2],
    ([l, i]) => {
      const items = list(l as Value, "list");
      if (items.length === 0) throw new EvaluationError("cannot use element() on an empty list");
      const index = asNumber(i as Value, "index");
      if (!Number.isInteger(index) || index < 0)
        throw new EvaluationError("the index must be a non-negative integer");
      return items[index % items.length] as Value;
    },
    "containers",
  ),
  flatten: fn([1, 1], ([l]) => flatten(l as Value), "containers"),
  distinct: fn(
    [1, 1],
    ([l]) => {
      const out: Value[] = [];
      for (const item of list(l as Value)) if (!out.some((o) => valuesEqual(o, item))) out.push(item);
      return out;
    },
    "containers",
  ),
  compact: fn([1, 1], ([l]) => list(l as Value).filter((v) => v !== null && v !== ""), "containers"),
  coalesce: fn(
    [1, Number.POSITIVE_INFINITY],
    (args) => {
      for (const arg of args) {
        if (isPending(arg)) return arg;
        if (arg !== null && arg !== "") return arg;
      }
      throw new EvaluationError("no non-null, non-empty argument");
    },
    "any",
  ),
  coalescelist: fn(
    [1, Number.POSITIVE_INFINITY],
    (args) => {
      for (const arg of args) if (list(arg).length > 0) return arg;
      throw new EvaluationError("no non-empty list argument");
    },
    "containers",
  ),
  index: fn([2, 2], ([l, v]) => {
    const i = list(l as Value).findIndex((item) => valuesEqual(item, v as Value));
    if (i < 0) throw new EvaluationError(`the list does not contain ${describeValue(v as Value)}`);
    return i;
  }),
  slice: fn(
    [3, 3],
    ([l, s, e]) => {
      const items = list(l as Value);
      const [start, end] = [asNumber(s as Value), asNumber(e as Value)];
      if (start < 0 || end > items.length || start > end)
        throw new EvaluationError("the indices are out of range");
      return items.slice(start, end);
    },
    "containers",
  ),
  reverse: fn([1, 1], ([l]) => [...list(l as Value)].reverse(), "containers"),
  sort: fn([1, 1], ([l]) =>
    list(l as Value)
      .map((v) => asString(v))
      .sort(),
  ),
  range: fn([1, 3], range),
  zipmap: fn(
    [2, 2],
    ([k, v]) => {
      const keys = list(k as Value, "keys");
      const vals = list(v as Value, "values");
      if (keys.length !== vals.length)
        throw new EvaluationError("the lists of keys and values differ in length");
      const out: ValueObject = {};
      keys.forEach((key, i) => {
        setOwn(out, asString(key, "key"), vals[i] as Value);
      });
      return out;
    },
    "containers",
  ),
  one: fn(
    [1, 1],
    ([l]) => {
      const items = list(l as Value);
      if (items.length > 1) throw new EvaluationError("the list has more than one element");
      return items[0] ?? null;
    },
    "containers",
  ),
  alltrue: fn([1, 1], ([l]) => list(l as Value).every((v) => asBool(v))),
  anytrue: fn([1, 1], ([l]) => list(l as Value).some((v) => asBool(v))),
  setunion: fn([1, Number.POSITIVE_INFINITY], (args) => toSet(args.flatMap((a) => list(a)))),
  setintersection: fn([1, Number.POSITIVE_INFINITY], (args) => {
    const [first, ...rest] = args.map((a) => list(a));
    return toSet((first ?? []).filter((v) => rest.every((r) => r.some((x) => valuesEqual(x, v)))));
  }),
  setsubtract: fn([2, 2], ([a, b]) =>
    toSet(list(a as Value).filter((v) => !list(b as Value).some((x) => valuesEqual(x, v)))),
  ),
  chunklist: fn(
    [2, 2],
    ([l, n]) => {
      const items = list(l as Value);
      const size = asNumber(n as Value);
      if (size < 0 || !Number.isInteger(size))
        throw new EvaluationError("the size must be a non-negative integer");
      if (size === 0) return [items];
      const out: Value[] = [];
      for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
      return out;
    },
    "containers",
  ),
  transpose: fn([1, 1], ([m]) => {
    const out: Record<string, string[]> = {};
    for (const [key, values] of sortedEntries(asObject(m as Value)))
      for (const v of list(values)) {
        const name = asString(v);
        out[name] = [...(out[name] ?? []), key];
      }
    return out;
  }),
  matchkeys: fn([3, 3], ([v, k, s]) => {
    const vals = list(v as Value);
    const keys = list(k as Value);
    const search = list(s as Value);
    return vals.filter((_, i) => search.some((x) => valuesEqual(x, keys[i] as Value)));
  }),
};
