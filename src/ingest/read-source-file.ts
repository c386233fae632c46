import { readFileSync, statSync } from "node:fs";
import { InputError } from "../errors.ts";

/** Larger than any real configuration file; a bigger one is almost certainly not source code. */
export const MAX_SOURCE_BYTES = 32 * 1024 * 1024;

/**
 * Reads one input file as UTF-8 text, refusing what cannot be source code (too large, binary, not
 * UTF-8) with one sentence naming the file as `display`.
 */
export function readSourceFile(path: string, display: string): string {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new InputError(`Cannot read ${display}: it does not exist or is not readable.`);
  }
  if (size > MAX_SOURCE_BYTES) {
    throw new InputError(
      `${display} is ${(size / 1024 / 1024).toFixed(1)} MB; plinth reads input files of at most ${MAX_SOURCE_BYTES / 1024 / 1024} MB.`,
    );
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(readFileSync(path));
  } catch {
    throw new InputError(`${display} is not UTF-8 text.`);
  }
  if (text.includes("\u0000")) throw new InputError(`${display} is a binary file, not source code.`);
  return text.startsWith("\uFEFF") ? text.slice(1) : text;
}
