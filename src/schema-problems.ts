import type { ErrorObject } from "ajv";

/** A precompiled standalone ajv validator (schemas/generated/). */
export interface CompiledValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

/**
 * The schema violations of a payload in words, most specific first: `detail.app must match …`.
 * Branch bookkeeping (anyOf/oneOf/if) is dropped; what remains names the field and what was wrong.
 */
export function describeSchemaProblems(errors: ReadonlyArray<ErrorObject>, limit = 3): string[] {
  const useful = errors.filter((e) => !["anyOf", "oneOf", "if", "allOf"].includes(e.keyword));
  // An anyOf over "the object" or "a reference to it" fails both branches; the reference branch's
  // complaint (`$artifact` required) only confuses, so it goes when there is any other.
  const withoutRefBranch = useful.filter(
    (e) => !(e.keyword === "required" && e.params.missingProperty === "$artifact"),
  );
  const chosen = (withoutRefBranch.length > 0 ? withoutRefBranch : useful).slice(0, limit);
  return chosen.map((e) => {
    const where = e.instancePath
      ? e.instancePath
          .slice(1)
          .split("/")
          .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
          .join(".")
      : "the payload";
    const params = e.params as Record<string, unknown>;
    switch (e.keyword) {
      case "required":
        return `${where} lacks the required \`${String(params.missingProperty)}\``;
      case "additionalProperties":
        return `${where} has an unknown property \`${String(params.additionalProperty)}\``;
      case "enum":
        return `${where} must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`;
      case "const":
        return `${where} must be ${JSON.stringify(params.allowedValue)}`;
      default:
        return `${where} ${e.message ?? "is invalid"}`;
    }
  });
}

/** Validates with a precompiled validator; returns the problems (empty when valid). */
export function schemaProblems(validator: CompiledValidator, data: unknown): string[] {
  return validator(data) ? [] : describeSchemaProblems(validator.errors ?? []);
}
