import { createHash } from "node:crypto";

/** Terraform local name for a component (plus a suffix): `my-net` + `private-a` → `my_net_private_a`. */
export function localName(...parts: string[]): string {
  return parts
    .filter((p) => p !== "")
    .join("_")
    .replaceAll("-", "_");
}

/** A name made only of the default allowed characters. */
const DEFAULT_NAME = /^[a-z0-9-]*$/;

export interface NameRules {
  /** Longest name the cloud accepts. */
  max: number;
  /** Characters allowed; others are removed. Default: lowercase letters, digits, hyphens. */
  allowed?: RegExp;
  separator?: string;
}

/**
 * A cloud resource name from app, environment and component: `shop-prod-assets`. Too long a name is
 * cut and given a short hash of the full name, so it stays unique and the same on every run.
 */
export function physicalName(parts: string[], rules: NameRules): string {
  const separator = rules.separator ?? "-";
  const allowed = rules.allowed ?? /[a-z0-9-]/;
  const joined = parts
    .filter((p) => p !== "")
    .join(separator)
    .toLowerCase();
  // Names are usually clean already: the character-by-character filter is for the others.
  const full =
    rules.allowed === undefined && DEFAULT_NAME.test(joined)
      ? joined
      : joined
          .split("")
          .filter((ch) => allowed.test(ch))
          .join("");
  if (full.length <= rules.max) return full;
  const hash = shortHash(full, 6);
  const keep = rules.max - hash.length - separator.length;
  return `${full.slice(0, keep).replace(/[-_.]+$/, "")}${separator}${hash}`;
}

export function shortHash(text: string, length: number): string {
  return createHash("sha256").update(text).digest("hex").slice(0, length);
}
