/**
 * Turns a workflows/*.asl.json definition into what Step Functions runs: `${function:NAME}` becomes
 * that Lambda's ARN and `${bus}` the event bus name. Pure; stacks/ calls it once the ARNs are known.
 */
export function substituteDefinition(
  definition: string,
  functionArns: Readonly<Record<string, string>>,
  busName: string,
): string {
  const missing = new Set<string>();
  const out = definition
    .replace(/\$\{function:([a-z][a-z0-9-]*)\}/g, (_match, name: string) => {
      const arn = functionArns[name];
      if (!arn) missing.add(name);
      return arn ?? "";
    })
    .replaceAll("${bus}", busName);
  if (missing.size > 0) throw new Error(`No function for ${[...missing].join(", ")} in the definition.`);
  return out;
}

/** The handlers a definition calls, so its role may invoke exactly those. */
export function functionsOf(definition: string): string[] {
  return [
    ...new Set([...definition.matchAll(/\$\{function:([a-z][a-z0-9-]*)\}/g)].map((m) => m[1] as string)),
  ].sort();
}
