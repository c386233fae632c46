import { readFileSync, statSync } from "node:fs";
import { InputError } from "../errors.ts";
import type { InputPath } from "./paths.ts";

/** Inputs and events are small; anything larger is a mistake (or an attack), not a payload. */
export const MAX_JSON_INPUT_BYTES = 1024 * 1024;

/** Reads a JSON file given on the command line; a syntax error names its line and column. */
export function readJsonFile(path: InputPath): unknown {
  let size: number;
  try {
    size = statSync(path.absolute).size;
  } catch {
    throw new InputError(`No file at ${path.display}.`);
  }
  if (size > MAX_JSON_INPUT_BYTES)
    throw new InputError(
      `${path.display} is ${size} bytes; inputs are at most ${MAX_JSON_INPUT_BYTES} bytes.`,
      {
        hint: "Put large payloads in the artifact store and pass a reference.",
      },
    );
  const text = readFileSync(path.absolute, "utf8");
  try {
    return JSON.parse(text);
  } catch (error) {
    const position = /position (\d+)/.exec((error as Error).message);
    const offset = position ? Number(position[1]) : text.length;
    const before = text.slice(0, offset).split("\n");
    throw new InputError(`${(error as Error).message.replace(/ in JSON at position \d+.*$/, "")}.`, {
      location: { file: path.display, line: before.length, col: (before.at(-1)?.length ?? 0) + 1 },
    });
  }
}
