import type { Rule } from "./rule.ts";
import { FRAMEWORKS, type FrameworkId, type PolicyResult, type Status } from "./types.ts";

export interface ControlStatus {
  control: string;
  /** fail if any finding fails, pass if some pass and none fail, unknown if only unknowns, not-evaluated if no resource. */
  status: Status | "not-evaluated";
  rules: string[];
  pass: number;
  fail: number;
  unknown: number;
}

export interface FrameworkRollup {
  framework: FrameworkId;
  name: string;
  versions: string[];
  controls: ControlStatus[];
}

/** Compliance per control of one framework: every rule mapped to a control, and how its findings went. */
export function rollUp(
  results: ReadonlyArray<PolicyResult>,
  rules: ReadonlyArray<Rule>,
  framework: FrameworkId,
): FrameworkRollup {
  const controls = new Map<string, ControlStatus>();
  const versions = new Set<string>();
  const byRule = new Map<string, PolicyResult[]>();
  for (const result of results) {
    const list = byRule.get(result.ruleId);
    if (list) list.push(result);
    else byRule.set(result.ruleId, [result]);
  }
  for (const rule of rules) {
    for (const mapping of rule.meta.frameworks.filter((f) => f.framework === framework)) {
      versions.add(mapping.version);
      for (const control of mapping.controls) {
        const entry = controls.get(control) ?? {
          control,
          status: "not-evaluated",
          rules: [],
          pass: 0,
          fail: 0,
          unknown: 0,
        };
        if (!entry.rules.includes(rule.meta.id)) entry.rules.push(rule.meta.id);
        for (const result of byRule.get(rule.meta.id) ?? []) {
          // An accepted (suppressed, unexpired) finding does not fail the control; it is counted as unknown.
          const accepted = result.suppression && !result.suppression.expired;
          if (result.status === "fail" && !accepted) entry.fail++;
          else if (result.status === "pass") entry.pass++;
          else entry.unknown++;
        }
        controls.set(control, entry);
      }
    }
  }
  for (const entry of controls.values()) {
    entry.status =
      entry.fail > 0 ? "fail" : entry.pass > 0 ? "pass" : entry.unknown > 0 ? "unknown" : "not-evaluated";
  }
  return {
    framework,
    name: FRAMEWORKS[framework],
    versions: [...versions],
    controls: [...controls.values()].sort((a, b) => compareControls(a.control, b.control)),
  };
}

/** Orders `1.16`, `2.1.1`, `2.10`, `CC6.1` naturally. */
function compareControls(a: string, b: string): number {
  return a.localeCompare(b, "en", { numeric: true });
}
