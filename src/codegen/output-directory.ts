import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { basename, dirname, join, relative, sep } from "node:path";
import { InputError } from "../errors.ts";
import type { GeneratedFiles } from "./generate.ts";

/** Lists what plinth wrote into a directory, so it can tell its own files from anyone else's. */
export const MANIFEST = ".plinth-generated.json";

interface Manifest {
  generator: "plinth";
  format: string;
  /** Relative path → SHA-256 of the content plinth wrote. */
  files: Record<string, string>;
}

export type FileStatus = "created" | "updated" | "unchanged" | "deleted";

export interface FileChange {
  path: string;
  status: FileStatus;
  bytes: number;
}

/**
 * Files that tools create next to generated code (Terraform's providers, lock file and local state,
 * Pulumi's stack settings, npm's installs). plinth neither counts them as foreign nor touches them.
 */
const TOOL_FILES = [
  /^\.terraform(\/|$)/,
  /^\.terraform\.lock\.hcl$/,
  /^terraform\.tfstate/,
  /^Pulumi\.[^/]+\.yaml$/,
  /^node_modules(\/|$)/,
  /^package-lock\.json$/,
];

/**
 * How `files` differs from what `dir` holds: each generated file created, updated or unchanged, and each
 * file plinth generated there before but no longer does, deleted. Reads only.
 */
export function compareDirectory(dir: string, files: GeneratedFiles): FileChange[] {
  const previous = readManifest(dir)?.files ?? {};
  const changes: FileChange[] = [];
  for (const [path, content] of files) {
    const target = join(dir, path);
    const bytes = Buffer.byteLength(content);
    if (!existsSync(target)) changes.push({ path, status: "created", bytes });
    else
      changes.push({
        path,
        status: readFileSync(target, "utf8") === content ? "unchanged" : "updated",
        bytes,
      });
  }
  for (const path of Object.keys(previous).sort()) {
    if (!files.has(path) && existsSync(join(dir, path))) changes.push({ path, status: "deleted", bytes: 0 });
  }
  return changes;
}

/** Files in `dir` that plinth did not write, or that were edited after it wrote them. */
export function foreignFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const known = readManifest(dir)?.files ?? {};
  return listFiles(dir).filter((path) => {
    if (path === MANIFEST || TOOL_FILES.some((pattern) => pattern.test(path))) return false;
    const hash = known[path];
    return hash === undefined || hash !== sha256(readFileSync(join(dir, path)));
  });
}

/**
 * Writes a generated project into `dir` without ever leaving a half-written one: every file is written
 * to a temporary directory beside `dir` first. A new `dir` is then renamed into place whole; an existing
 * one gets each file by rename, keeping the old files aside until all are in, and putting them back if
 * a step fails. Files plinth generated before and no longer does are removed; other files are kept.
 * Refuses, before writing anything, when `dir` holds files plinth did not write, unless `force`.
 */
export function writeProject(
  dir: string,
  format: string,
  files: GeneratedFiles,
  force: boolean,
): FileChange[] {
  for (const path of files.keys()) assertInside(path);
  const foreign = force ? [] : foreignFiles(dir);
  if (foreign.length > 0) {
    const shown =
      foreign.slice(0, 3).join(", ") + (foreign.length > 3 ? ` and ${foreign.length - 3} more` : "");
    throw new InputError(`${dir} holds files plinth did not generate or that were edited since (${shown}).`, {
      hint: "Choose another -o directory, or pass --force to overwrite plinth's files there (others are kept).",
    });
  }
  const changes = compareDirectory(dir, files);
  mkdirSync(dirname(dir), { recursive: true });
  const staging = mkdtempSync(join(dirname(dir), `.${basename(dir)}.plinth-`));
  try {
    const manifest: Manifest = { generator: "plinth", format, files: {} };
    for (const [path, content] of files) {
      // Encoded once for both the file and its hash (a large main.tf or template is megabytes).
      const bytes = Buffer.from(content);
      mkdirSync(dirname(join(staging, path)), { recursive: true });
      writeFileSync(join(staging, path), bytes);
      manifest.files[path] = sha256(bytes);
    }
    writeFileSync(join(staging, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);

    if (!existsSync(dir)) {
      renameSync(staging, dir);
      return changes;
    }
    swapInto(
      dir,
      staging,
      [...files.keys(), MANIFEST],
      changes.filter((c) => c.status === "deleted").map((c) => c.path),
    );
    return changes;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** Moves `paths` from staging into dir and removes `stale`, all or nothing. */
function swapInto(dir: string, staging: string, paths: string[], stale: string[]): void {
  const backup = join(staging, ".previous");
  const moved: Array<{ path: string; hadOld: boolean }> = [];
  try {
    for (const path of stale) {
      mkdirSync(dirname(join(backup, path)), { recursive: true });
      renameSync(join(dir, path), join(backup, path));
      moved.push({ path, hadOld: true });
    }
    for (const path of paths) {
      const target = join(dir, path);
      const hadOld = existsSync(target);
      if (hadOld) {
        mkdirSync(dirname(join(backup, path)), { recursive: true });
        renameSync(target, join(backup, path));
      }
      mkdirSync(dirname(target), { recursive: true });
      moved.push({ path, hadOld });
      renameSync(join(staging, path), target);
    }
  } catch (error) {
    for (const { path, hadOld } of moved.reverse()) {
      rmSync(join(dir, path), { force: true });
      if (hadOld) renameSync(join(backup, path), join(dir, path));
    }
    throw new InputError(`Cannot write into ${dir}: ${(error as Error).message}. Nothing was changed.`, {
      cause: error,
    });
  }
}

function readManifest(dir: string): Manifest | undefined {
  try {
    const manifest = JSON.parse(readFileSync(join(dir, MANIFEST), "utf8")) as Manifest;
    return manifest?.generator === "plinth" && typeof manifest.files === "object" ? manifest : undefined;
  } catch {
    return undefined;
  }
}

function listFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as Array<import("node:fs").Dirent>)
    .filter((entry) => entry.isFile() || entry.isSymbolicLink())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join("/"))
    .sort();
}

function assertInside(path: string): void {
  if (path.startsWith("/") || path.split("/").some((step) => step === ".." || step === ""))
    throw new Error(`generated path ${path} would leave the output directory`);
}

function sha256(content: string | Buffer): string {
  return createHash("sha256").update(content).digest("hex");
}
