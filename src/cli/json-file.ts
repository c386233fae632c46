import { readFile, stat } from "node:fs/promises";
import { InputError } from "../errors.ts";
import { writeFileAtomic } from "../state/durable-files.ts";
import type { InputPath } from "./paths.ts";

/** Larger than any plan of 10,000 resources. */
const MAX_JSON_BYTES = 64 * 1024 * 1024;

/** Writes JSON atomically: a reader never sees half a plan. */
export function writeJsonFile(path: string, value: unknown): Promise<void> {
  return writeFileAtomic(path, `${JSON.stringify(value, null, 2)}\n`);
}

/** Reads a JSON file the user named, with one clear sentence for each way it can be wrong. */
export async function readJsonFile(path: InputPath, what: string): Promise<unknown> {
  let size: number;
  try {
    size = (await stat(path.absolute)).size;
  } catch {
    throw new InputError(`No ${what} at ${path.display}.`);
  }
  if (size > MAX_JSON_BYTES)
    throw new InputError(
      `${path.display} is ${Math.round(size / 1024 / 1024)} MB; a ${what} is at most 64 MB.`,
    );
  const text = await readFile(path.absolute, "utf8");
  try {
    return JSON.parse(text);
  } catch (error) {
    const position = /position (\d+)/.exec(String(error))?.[1];
    const line = position === undefined ? undefined : text.slice(0, Number(position)).split("\n").length;
    throw new InputError(
      `${path.display}${line ? `:${line}` : ""} is not valid JSON, so it is not a ${what}.`,
    );
  }
}
