import { isAbsolute, resolve } from "node:path";
import { LocalFileStore } from "../state/local-file-store.ts";
import type { StateStore } from "../state/store.ts";
import type { CliIO } from "./io.ts";

/** The state store `--state` names: a directory (the local file store). */
export function openStateStore(location: string, io: CliIO): StateStore {
  return new LocalFileStore(isAbsolute(location) ? location : resolve(io.cwd, location));
}
