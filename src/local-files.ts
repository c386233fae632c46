import { randomBytes } from "node:crypto";
import { readFile, rename, writeFile } from "node:fs/promises";

/**
 * Writes a file so readers see the old content or the new, never half: a temporary file in the same
 * directory, then a rename over the target.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, mode?: number): Promise<void> {
  const temporary = `${path}.${randomBytes(6).toString("hex")}.tmp`;
  await writeFile(temporary, data, mode === undefined ? {} : { mode });
  await rename(temporary, path);
}

/** A JSON file's content, or undefined when there is no such file. */
export async function readJsonIfExists<T>(path: string): Promise<T | undefined> {
  try {
    return JSON.parse(await readFile(path, "utf8")) as T;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}
