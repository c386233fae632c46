import { isAbsolute, relative, resolve } from "node:path";
import type { CliIO } from "./io.ts";

export interface InputPath {
  /** Where to read or write. */
  absolute: string;
  /** How to name it in messages: relative to where the user is, as they would type it. */
  display: string;
}

/** A path from the command line, resolved against the CLI's working directory. */
export function resolvePath(io: CliIO, path: string): InputPath {
  const absolute = isAbsolute(path) ? path : resolve(io.cwd, path);
  const shown = relative(io.cwd, absolute);
  return { absolute, display: shown && !shown.startsWith("..") ? shown : absolute };
}
