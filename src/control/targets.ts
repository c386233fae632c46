import { readdir, readFile, stat } from "node:fs/promises";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { InputError, PlinthError } from "../errors.ts";
import { MAX_SPEC_BYTES, readSpecFile } from "../spec/load-spec.ts";
import { environmentNames } from "../spec/resolve-environment.ts";

/** One environment of one application: what a scan visits. */
export interface Target {
  app: string;
  env: string;
  /** The spec's path relative to the targets root. */
  spec: string;
}

export interface TargetScope {
  app?: string;
  env?: string;
}

/**
 * Where the control plane finds what it manages. Embedded: the plinth.yaml files under a directory;
 * in the cloud the engine's state store lists the environments it holds state for.
 */
export interface TargetSource {
  list(scope: TargetScope): Promise<Target[]>;
}

/** Skipped while walking: never specs, often huge. */
const SKIP = new Set(["node_modules", ".git", ".plinth", ".terraform"]);
const MAX_DEPTH = 6;

/** Every environment of every plinth.yaml under `root` (depth ≤ 6), sorted by app then env. */
export class DirectoryTargetSource implements TargetSource {
  readonly root: string;

  constructor(root: string) {
    this.root = root;
  }

  async list(scope: TargetScope): Promise<Target[]> {
    const targets: Target[] = [];
    for (const file of await findSpecs(this.root, 0)) {
      const spec = relative(this.root, file);
      const { app, envs } = namesOf(file, spec);
      if (scope.app && app !== scope.app) continue;
      for (const env of envs) if (!scope.env || env === scope.env) targets.push({ app, env, spec });
    }
    return targets.sort((a, b) => a.app.localeCompare(b.app) || a.env.localeCompare(b.env));
  }
}

/**
 * A spec's app and environments. One that no longer loads is still a target (named after its folder),
 * so the scan reports it instead of failing for every other target.
 */
function namesOf(file: string, spec: string): { app: string; envs: string[] } {
  try {
    const doc = readSpecFile(file, spec);
    return { app: doc.data.app, envs: environmentNames(doc) };
  } catch (error) {
    if (!(error instanceof PlinthError)) throw error;
    const folder = basename(dirname(file))
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, "-")
      .replace(/^[^a-z]+/, "");
    return { app: folder.slice(0, 63) || "unnamed", envs: ["default"] };
  }
}

async function findSpecs(dir: string, depth: number): Promise<string[]> {
  if (depth > MAX_DEPTH) return [];
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.isDirectory() && !SKIP.has(entry.name))
      found.push(...(await findSpecs(join(dir, entry.name), depth + 1)));
    else if (entry.isFile() && entry.name === "plinth.yaml") found.push(join(dir, entry.name));
  }
  return found;
}

/** Reads a target's spec under `root`, refusing paths that leave it. */
export function specReaderUnder(root: string): (spec: string) => Promise<string> {
  const base = resolve(root);
  return async (spec) => {
    const file = resolve(base, spec);
    if (!file.startsWith(base + sep))
      throw new InputError(`Target spec ${spec.slice(0, 200)} is outside ${root}.`);
    const { size } = await stat(file);
    if (size > MAX_SPEC_BYTES)
      throw new InputError(`Target spec ${spec} is larger than ${MAX_SPEC_BYTES} bytes.`);
    return readFile(file, "utf8");
  };
}
