import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { InputError } from "../errors.ts";
import { InvalidSpecError } from "./diagnostics.ts";
import { readYaml } from "./read-yaml.ts";
import type { SourceMap } from "./source-map.ts";
import { validateAgainstSchema } from "./validate-schema.ts";

/** Larger than any real application's spec (10,000 components fit in about 1 MB). */
export const MAX_SPEC_BYTES = 4 * 1024 * 1024;

/** plinth.yaml as written, checked against the schema, with the position of every value. */
export interface SpecDocument {
  file: string;
  data: RawSpec;
  sources: SourceMap;
}

/** The document's shape once the schema accepted it; property values are still raw YAML values. */
export interface RawSpec {
  apiVersion: "plinth/v1";
  app: string;
  cloud: "aws" | "gcp" | "azure";
  region?: string;
  tags?: Record<string, string>;
  environments?: Record<string, RawEnvironment>;
  components: Record<string, Record<string, unknown> & { type: string }>;
  outputs?: Record<string, string>;
  /** Cost guardrails per environment (`plinth cost --check`). */
  budgets?: Record<string, Budget>;
  /** Usage of usage-priced resources by address, for cost estimates. */
  usage?: Record<string, Record<string, unknown>>;
}

/** An environment's cost guardrails: a monthly cap and the largest allowed increase. */
export interface Budget {
  monthly?: number;
  maxIncreasePercent?: number;
  /** Currency of `monthly`; USD by default. */
  currency?: string;
}

export interface RawEnvironment {
  cloud?: "aws" | "gcp" | "azure";
  region?: string;
  production?: boolean;
  tags?: Record<string, string>;
  roleArn?: string;
  approval?: boolean;
  dr?: { region: string; rpoMinutes?: number; rtoMinutes?: number };
  overrides?: Record<string, Record<string, unknown>>;
}

/** Reads and checks a spec file; `display` is how messages name it (default: `path`). */
export function readSpecFile(path: string, display = path): SpecDocument {
  return parseSpec(readSpecText(path, display), display);
}

/** A spec file's text, refused in one sentence when it is missing, too large, binary or not UTF-8. */
export function readSpecText(path: string, display = path): string {
  let stats: ReturnType<typeof statSync>;
  try {
    stats = statSync(path);
  } catch {
    throw new InputError(`No spec file at ${display}.`, {
      hint: "Pass one with -f, or create one with `plinth init`.",
    });
  }
  if (stats.isDirectory()) {
    throw new InputError(`${display} is a directory, not a spec file.`, {
      hint: `Pass the file itself, for example -f ${join(display, "plinth.yaml")}.`,
    });
  }
  if (stats.size > MAX_SPEC_BYTES) {
    throw new InputError(
      `${display} is ${(stats.size / 1024 / 1024).toFixed(1)} MB; plinth reads specs of at most ${MAX_SPEC_BYTES / 1024 / 1024} MB.`,
      { hint: "Split the application into several specs." },
    );
  }
  const bytes = readFileSync(path);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(`${display} is not UTF-8 text.`);
  }
  if (text.includes("\u0000")) throw new InputError(`${display} is a binary file, not YAML.`);
  return text;
}

/** Parses and schema-checks spec text; every schema violation is reported at once. */
export function parseSpec(text: string, file: string): SpecDocument {
  const { data, sources } = readYaml(text, file);
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    throw new InvalidSpecError([
      {
        severity: "error",
        message: "The spec must be a YAML mapping with apiVersion, app, cloud and components.",
        location: sources.value(""),
        hint: "Run `plinth init` for a commented starter.",
      },
    ]);
  }
  const problems = validateAgainstSchema(data, sources);
  if (problems.length > 0) throw new InvalidSpecError(problems);
  return { file, data: data as RawSpec, sources };
}
