import { type SourceLocation, SpecError } from "../errors.ts";

/** `${db}` or `${db.endpoint}` in plinth.yaml: a component, or one of its attributes. */
export class ComponentRef {
  readonly component: string;
  readonly attribute: string | undefined;
  readonly location: SourceLocation;
  constructor(component: string, attribute: string | undefined, location: SourceLocation) {
    this.component = component;
    this.attribute = attribute;
    this.location = location;
  }
  toString(): string {
    return this.attribute ? `\${${this.component}.${this.attribute}}` : `\${${this.component}}`;
  }
}

/** A string with references inside, e.g. `postgres://${db.endpoint}/shop`. */
export class SpecTemplate {
  readonly parts: ReadonlyArray<string | ComponentRef>;
  constructor(parts: ReadonlyArray<string | ComponentRef>) {
    this.parts = parts;
  }
}

export type SpecValue =
  | null
  | boolean
  | number
  | string
  | SpecValue[]
  | { [key: string]: SpecValue }
  | ComponentRef
  | SpecTemplate;

const REFERENCE = /^([a-z][a-z0-9-]*)(?:\.([A-Za-z][A-Za-z0-9_]*))?$/;

/**
 * Splits a string into text and references. `$${` stands for a literal `${`. Returns the string itself
 * when it holds no reference, a ComponentRef when it is exactly one reference.
 */
export function parseExpression(
  text: string,
  location: SourceLocation,
): string | ComponentRef | SpecTemplate {
  if (!text.includes("${")) return text;
  const parts: Array<string | ComponentRef> = [];
  let literal = "";
  let i = 0;
  while (i < text.length) {
    if (text.startsWith("$${", i)) {
      literal += "${";
      i += 3;
    } else if (text.startsWith("${", i)) {
      const end = text.indexOf("}", i + 2);
      if (end === -1) {
        throw new SpecError(`The reference starting at \`${excerpt(text, i)}\` has no closing \`}\`.`, {
          location,
          hint: "Write `$${` for a literal `${`.",
        });
      }
      const inner = text.slice(i + 2, end).trim();
      const match = REFERENCE.exec(inner);
      if (!match) {
        throw new SpecError(`\`\${${excerpt(inner, 0)}}\` is not a reference.`, {
          location,
          hint: "References look like `${component}` or `${component.attribute}`; write `$${` for a literal `${`.",
        });
      }
      if (literal) parts.push(literal);
      literal = "";
      parts.push(new ComponentRef(match[1] as string, match[2], location));
      i = end + 1;
    } else {
      literal += text[i];
      i++;
    }
  }
  if (literal) parts.push(literal);
  if (parts.length === 1 && parts[0] instanceof ComponentRef) return parts[0];
  if (parts.every((p) => typeof p === "string")) return parts.join("");
  return new SpecTemplate(parts);
}

/** Every reference inside a value, in order of appearance. */
export function referencesOf(value: SpecValue): ComponentRef[] {
  const found: ComponentRef[] = [];
  collectReferences(value, found);
  return found;
}

// Called for every property of every component (checks, lowering order): scalars leave first, and
// nothing is allocated on the way down.
function collectReferences(value: SpecValue, found: ComponentRef[]): void {
  if (typeof value !== "object" || value === null) return;
  if (value instanceof ComponentRef) found.push(value);
  else if (value instanceof SpecTemplate) {
    for (const part of value.parts) if (part instanceof ComponentRef) found.push(part);
  } else if (Array.isArray(value)) for (const item of value) collectReferences(item, found);
  else for (const item of Object.values(value)) collectReferences(item, found);
}

function excerpt(text: string, from: number): string {
  const part = text.slice(from, from + 40);
  return part.length < text.length - from ? `${part}…` : part;
}
