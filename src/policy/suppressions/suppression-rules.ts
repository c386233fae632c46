import type { SourceLocation } from "../../errors.ts";

/** A request to accept a finding: from a `# plinth:ignore` comment or the policy config file. */
export interface SuppressionRule {
  /** A rule id or one of its aliases. */
  rule: string;
  /** An address glob (config file) or the exact resource the comment is on (inline). */
  address: string;
  reason: string;
  expires?: string;
  /** `inline` or the config file's path. */
  source: string;
  at: SourceLocation;
}

/** A problem with a suppression itself (no reason, a bad date): it is not applied and is reported. */
export interface SuppressionWarning {
  message: string;
  at: SourceLocation;
}

const DIRECTIVE = /plinth:ignore\s+(?<rule>[A-Za-z0-9_.-]+)(?<rest>.*)$/;
const ATTRIBUTE = /(\w+)=(?:"((?:[^"\\]|\\.)*)"|(\S+))/g;

/**
 * Parses one comment attached to a resource or module block:
 * `# plinth:ignore PLINTH-AWS-001 reason="logs bucket" expires=2027-01-31`. A comment without
 * `plinth:ignore` is not a directive (undefined); a directive without a reason is a warning.
 */
export function parseDirective(
  comment: string,
  address: string,
  at: SourceLocation,
): SuppressionRule | SuppressionWarning | undefined {
  const match = DIRECTIVE.exec(comment);
  if (!match?.groups) return undefined;
  const rule = match.groups.rule as string;
  const attributes = new Map<string, string>();
  for (const [, key, quoted, bare] of (match.groups.rest ?? "").matchAll(ATTRIBUTE))
    attributes.set(key as string, (quoted ?? bare ?? "").replace(/\\(.)/g, "$1"));
  const reason = attributes.get("reason")?.trim();
  if (!reason)
    return { message: `plinth:ignore ${rule} has no reason="…"; the finding is not suppressed.`, at };
  const expires = attributes.get("expires");
  if (expires !== undefined && !isDate(expires))
    return {
      message: `plinth:ignore ${rule} has expires=${expires}, which is not a YYYY-MM-DD date; the finding is not suppressed.`,
      at,
    };
  return { rule, address, reason, ...(expires ? { expires } : {}), source: "inline", at };
}

export function isDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

/** `*` matches any run of characters; everything else is literal (addresses contain `.[]"`). */
export function addressMatcher(glob: string): (address: string) => boolean {
  const pattern = glob
    .split("*")
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
    .join(".*");
  const regex = new RegExp(`^${pattern}$`);
  return (address) => regex.test(address);
}
