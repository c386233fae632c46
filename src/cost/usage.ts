import { readFileSync, statSync } from "node:fs";
import type { UsageValues } from "../catalog/cost-components.ts";
import { InputError } from "../errors.ts";
import { setOwn } from "../model/value.ts";
import { readYaml } from "../spec/read-yaml.ts";
import { pointerOf, type SourceMap } from "../spec/source-map.ts";

/** Usage quantities by resource: `forResource` merges type defaults under the resource's own values. */
export interface UsageSet {
  forResource(address: string, type: string): UsageValues;
}

export const NO_USAGE: UsageSet = { forResource: () => ({}) };

/** Larger than any real usage file; refused before parsing. */
export const MAX_USAGE_BYTES = 4 * 1024 * 1024;

/** Per-address values (`aws_instance.web[*]` covers every instance of `web`) and per-type defaults. */
export interface UsageData {
  resources: Record<string, Record<string, unknown>>;
  types: Record<string, Record<string, unknown>>;
}

export function usageSet(data: UsageData): UsageSet {
  const exact = new Map(Object.entries(data.resources).filter(([k]) => !k.endsWith("[*]")));
  const wildcards = Object.entries(data.resources)
    .filter(([k]) => k.endsWith("[*]"))
    .map(([k, v]) => [k.slice(0, -3), v] as const);
  return {
    forResource(address, type) {
      const own =
        exact.get(address) ?? wildcards.find(([prefix]) => address.startsWith(`${prefix}[`))?.[1] ?? {};
      const defaults = data.types[type];
      return defaults ? { ...defaults, ...own } : own;
    },
  };
}

/** Layers usage sets: the later one wins key by key (a `--usage` file over plinth.yaml's `usage:`). */
export function layerUsage(...sets: UsageSet[]): UsageSet {
  return {
    forResource: (address, type) => {
      const merged: Record<string, unknown> = {};
      // setOwn, not assignment: a usage key named `__proto__` stays a plain key.
      for (const set of sets)
        for (const [key, value] of Object.entries(set.forResource(address, type))) setOwn(merged, key, value);
      return merged;
    },
  };
}

/**
 * Reads an Infracost-compatible usage file: `version: 0.1`, `resource_usage:` keyed by resource
 * address and `resource_type_default_usage:` keyed by type, with the same usage keys, so teams switch
 * without rewriting them.
 */
export function readUsageFile(path: string, display = path): UsageSet {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new InputError(`No usage file at ${display}.`, { hint: "Check the path given to --usage." });
  }
  if (size > MAX_USAGE_BYTES) {
    throw new InputError(
      `${display} is larger than ${MAX_USAGE_BYTES / 1024 / 1024} MB; usage files are small.`,
    );
  }
  return usageSet(parseUsageFile(readFileSync(path, "utf8"), display));
}

export function parseUsageFile(text: string, file: string): UsageData {
  const { data, sources } = readYaml(text, file);
  if (!isMapping(data)) {
    throw new InputError(
      `${file} is not a usage file: expected a mapping with \`version\` and \`resource_usage\`.`,
    );
  }
  const allowed = new Set(["version", "resource_usage", "resource_type_default_usage"]);
  for (const key of Object.keys(data)) {
    if (!allowed.has(key)) {
      throw new InputError(`Unknown key \`${key}\` in the usage file.`, {
        location: sources.key(pointerOf([key])),
        hint: "A usage file has `version`, `resource_usage` and `resource_type_default_usage`.",
      });
    }
  }
  const version = String(data.version ?? "");
  if (version !== "0.1" && version !== "v0.1") {
    throw new InputError(`The usage file's version must be 0.1, not \`${version || "(missing)"}\`.`, {
      location: sources.value(pointerOf(["version"])),
      hint: "Start the file with `version: 0.1`.",
    });
  }
  return {
    resources: usageSection(data.resource_usage, ["resource_usage"], sources),
    types: usageSection(data.resource_type_default_usage, ["resource_type_default_usage"], sources),
  };
}

/**
 * Checks a section of usage (`address or type → key → number | text | nested mapping`) and returns it
 * as plain objects. Also used for plinth.yaml's own `usage:`.
 */
export function usageSection(
  value: unknown,
  path: Array<string | number>,
  sources: SourceMap,
): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = Object.create(null);
  if (value === undefined || value === null) return out;
  if (!isMapping(value)) {
    throw new InputError(`\`${path.join(".")}\` must be a mapping of resource addresses to usage.`, {
      location: sources.value(pointerOf(path)),
    });
  }
  for (const [name, values] of Object.entries(value)) {
    if (values === null) continue;
    if (!isMapping(values)) {
      throw new InputError(`The usage of \`${name}\` must be a mapping of usage keys to values.`, {
        location: sources.value(pointerOf([...path, name])),
        hint: "For example `monthly_requests: 1000000`.",
      });
    }
    checkValues(values, [...path, name], sources);
    out[name] = values;
  }
  return out;
}

function checkValues(
  values: Record<string, unknown>,
  path: Array<string | number>,
  sources: SourceMap,
): void {
  for (const [key, value] of Object.entries(values)) {
    const at = [...path, key];
    if (isMapping(value)) checkValues(value, at, sources);
    else if (typeof value === "number") {
      if (!Number.isFinite(value) || value < 0) {
        throw new InputError(`Usage \`${key}\` must be a number of at least 0, not ${value}.`, {
          location: sources.value(pointerOf(at)),
        });
      }
    } else if (typeof value !== "string" && value !== null) {
      throw new InputError(`Usage \`${key}\` must be a number, a word or a mapping.`, {
        location: sources.value(pointerOf(at)),
      });
    }
  }
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
