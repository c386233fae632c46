/** Three-valued logic for facts that may not be known statically. */
export type Tri = "yes" | "no" | "unknown";

/** yes if any is yes; otherwise unknown if any is unknown; otherwise no. */
export function anyOf(values: Iterable<Tri>): Tri {
  let result: Tri = "no";
  for (const value of values) {
    if (value === "yes") return "yes";
    if (value === "unknown") result = "unknown";
  }
  return result;
}

/** yes if all are yes; otherwise no if any is no; otherwise unknown. */
export function allOfTri(values: Iterable<Tri>): Tri {
  let result: Tri = "yes";
  for (const value of values) {
    if (value === "no") return "no";
    if (value === "unknown") result = "unknown";
  }
  return result;
}
