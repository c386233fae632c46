import { InputError } from "../errors.ts";
import { didYouMean } from "../spec/suggest.ts";
import type { Rule } from "./rule.ts";
import { FRAMEWORKS, type FrameworkId } from "./types.ts";

export const PACKS = Object.keys(FRAMEWORKS) as FrameworkId[];

/** Rules mapped to a framework: the `--pack` of that name. */
export function rulesOfPack(rules: ReadonlyArray<Rule>, pack: FrameworkId): Rule[] {
  return rules.filter((rule) => rule.meta.frameworks.some((f) => f.framework === pack));
}

/** Rules named by id or alias (`PLINTH-AWS-001`, `CKV_AWS_19`, `aws-s3-enable-versioning`), case-insensitive. */
export function rulesNamed(rules: ReadonlyArray<Rule>, names: ReadonlyArray<string>): Rule[] {
  const chosen = new Set<Rule>();
  for (const name of names) {
    const wanted = name.toUpperCase();
    const matches = rules.filter(
      (r) => r.meta.id.toUpperCase() === wanted || r.meta.aliases.some((a) => a.toUpperCase() === wanted),
    );
    if (matches.length === 0) {
      const known = rules.flatMap((r) => [r.meta.id, ...r.meta.aliases]);
      throw new InputError(`No rule is named \`${name}\`.${didYouMean(name, known)}`, {
        hint: "Rules are named by id (PLINTH-AWS-001) or by a Checkov/Trivy alias; see docs/policy-rules.md.",
      });
    }
    for (const match of matches) chosen.add(match);
  }
  return rules.filter((r) => chosen.has(r));
}

export function parsePack(value: string | undefined): FrameworkId | undefined {
  if (value === undefined) return undefined;
  if ((PACKS as string[]).includes(value)) return value as FrameworkId;
  throw new InputError(
    `--pack must be one of ${PACKS.join(", ")}, not \`${value}\`.${didYouMean(value, PACKS)}`,
  );
}
