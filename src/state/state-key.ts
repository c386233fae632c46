import { InputError } from "../errors.ts";
import type { StateKey } from "./types.ts";

const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/;

/**
 * Refuses app, env, collection and record names that could escape the store's directory or key space
 * (`..`, `/`, control characters): they become path segments and key prefixes.
 */
export function checkName(kind: string, name: string): string {
  if (!SAFE_NAME.test(name) || name.includes("..")) {
    throw new InputError(
      `${kind} \`${name.slice(0, 80)}\` cannot name state: use letters, digits, \`-\`, \`_\` and \`.\` (at most 128).`,
    );
  }
  return name;
}

export function checkKey(key: StateKey): StateKey {
  checkName("App", key.app);
  checkName("Environment", key.env);
  return key;
}
