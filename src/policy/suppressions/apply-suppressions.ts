import type { Rule } from "../rule.ts";
import type { PolicyResult } from "../types.ts";
import { addressMatcher, type SuppressionRule } from "./suppression-rules.ts";

/** A suppression and the findings it covered, for reports. */
export interface AppliedSuppression extends SuppressionRule {
  ruleId: string;
  expired: boolean;
  matched: number;
}

/**
 * Attaches suppressions to the failed and unknown findings they cover. A suppression names its rule by
 * id or alias; an expired one (its date is today or earlier) is attached with `expired: true` and the
 * finding counts again, its message saying so. Every suppression is returned, matched or not.
 */
export function applySuppressions(
  results: PolicyResult[],
  suppressions: ReadonlyArray<SuppressionRule>,
  rules: ReadonlyArray<Rule>,
  today: string,
): { results: PolicyResult[]; applied: AppliedSuppression[] } {
  const idOf = new Map<string, string>();
  for (const rule of rules) {
    idOf.set(rule.meta.id.toUpperCase(), rule.meta.id);
    for (const alias of rule.meta.aliases)
      if (!idOf.has(alias.toUpperCase())) idOf.set(alias.toUpperCase(), rule.meta.id);
  }
  const applied: AppliedSuppression[] = suppressions.map((s) => ({
    ...s,
    ruleId: idOf.get(s.rule.toUpperCase()) ?? s.rule,
    expired: s.expires !== undefined && s.expires <= today,
    matched: 0,
  }));
  const matchers = applied.map((s) => ({ suppression: s, matches: addressMatcher(s.address) }));
  const out = results.map((result) => {
    if (result.status === "pass") return result;
    // Inline suppressions are more specific than config globs: they win when both match.
    const candidates = matchers.filter(
      (m) => m.suppression.ruleId === result.ruleId && m.matches(result.address),
    );
    const chosen = candidates.find((m) => m.suppression.source === "inline") ?? candidates[0];
    if (!chosen) return result;
    const s = chosen.suppression;
    s.matched++;
    const suppression = {
      ruleId: s.ruleId,
      reason: s.reason,
      ...(s.expires ? { expires: s.expires } : {}),
      source: s.source,
      expired: s.expired,
    };
    const message = s.expired
      ? `${result.message} (suppression expired on ${s.expires}: ${s.reason})`
      : result.message;
    return { ...result, message, suppression };
  });
  return { results: out, applied };
}
