import { Encoded, isPlainObject, Template, type Value, VarRef } from "../model/value.ts";

/** The names of every input a value uses, in order of appearance. */
export function variablesIn(value: Value): string[] {
  const found: string[] = [];
  const visit = (v: Value): void => {
    if (v instanceof VarRef) found.push(v.name);
    else if (v instanceof Template) {
      for (const part of v.parts) if (part instanceof VarRef) found.push(part.name);
    } else if (v instanceof Encoded) visit(v.value);
    else if (Array.isArray(v)) v.forEach(visit);
    else if (isPlainObject(v)) Object.values(v).forEach(visit);
  };
  visit(value);
  return found;
}
