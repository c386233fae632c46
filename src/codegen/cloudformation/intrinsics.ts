import { YamlNode, YamlTagged, type YamlValue } from "../yaml-writer.ts";

/** CloudFormation template values: JSON data plus the intrinsic functions plinth writes. */
export type CfnExpr = null | boolean | number | string | CfnExpr[] | CfnObject | CfnIntrinsic;
export interface CfnObject {
  [key: string]: CfnExpr;
}

/**
 * The intrinsic functions know their two written forms, so a template's properties are written as
 * they are: `toJSON` gives the long form JSON.stringify writes (`{"Ref": …}`), `toYaml` the short form
 * people write in YAML (`!Ref …`).
 */

/** `Ref`: a resource's primary value, a parameter, or a pseudo parameter (`AWS::Region`). */
export class CfnRef extends YamlNode {
  readonly target: string;
  constructor(target: string) {
    super();
    this.target = target;
  }
  toJSON(): unknown {
    return { Ref: this.target };
  }
  toYaml(): YamlValue {
    return new YamlTagged("!Ref", this.target);
  }
}

/** `Fn::GetAtt`: a resource attribute (`Endpoint.Address`) or, across nested stacks, `Outputs.Name`. */
export class CfnGetAtt extends YamlNode {
  readonly target: string;
  readonly attribute: string;
  constructor(target: string, attribute: string) {
    super();
    this.target = target;
    this.attribute = attribute;
  }
  toJSON(): unknown {
    return { "Fn::GetAtt": [this.target, this.attribute] };
  }
  toYaml(): YamlValue {
    // `!GetAtt A.B.C` means A's attribute B.C, but some readers (moto) split at every dot: the long form
    // with a list is unambiguous everywhere.
    return this.attribute.includes(".")
      ? { "Fn::GetAtt": [this.target, this.attribute] }
      : new YamlTagged("!GetAtt", `${this.target}.${this.attribute}`);
  }
}

/** `Fn::Sub` over text and references; the text is raw (the writer escapes `${` as `${!`). */
export class CfnSub extends YamlNode {
  readonly parts: ReadonlyArray<string | CfnRef | CfnGetAtt>;
  constructor(parts: ReadonlyArray<string | CfnRef | CfnGetAtt>) {
    super();
    this.parts = parts;
  }
  toJSON(): unknown {
    const { text, variables } = subArguments(this);
    return { "Fn::Sub": variables.size === 0 ? text : [text, Object.fromEntries(variables)] };
  }
  toYaml(): YamlValue {
    const { text, variables } = subArguments(this);
    return new YamlTagged("!Sub", variables.size === 0 ? text : [text, Object.fromEntries(variables)]);
  }
}

export class CfnBase64 extends YamlNode {
  readonly value: CfnExpr;
  constructor(value: CfnExpr) {
    super();
    this.value = value;
  }
  toJSON(): unknown {
    return { "Fn::Base64": this.value };
  }
  toYaml(): YamlValue {
    // YAML allows one tag per node: a tagged value inside Base64 takes the long form key.
    const inner = this.value instanceof YamlNode ? this.value.toYaml() : this.value;
    return inner instanceof YamlTagged ? { "Fn::Base64": inner } : new YamlTagged("!Base64", inner);
  }
}

export type CfnIntrinsic = CfnRef | CfnGetAtt | CfnSub | CfnBase64;

/**
 * `Fn::Sub` arguments: the text, with `${Name}` for each reference and literal `${` written `${!`, and
 * the variables for attributes with dots in their names (`Endpoint.Address`), which some readers of
 * templates (moto among them) split at the wrong dot when written inline.
 */
export function subArguments(sub: CfnSub): { text: string; variables: Map<string, CfnGetAtt> } {
  let text = "";
  const variables = new Map<string, CfnGetAtt>();
  for (const part of sub.parts) {
    if (typeof part === "string") text += part.replaceAll("${", "${!");
    else if (part instanceof CfnRef) text += `\${${part.target}}`;
    else if (part.attribute.includes(".")) {
      const name = `${part.target}${part.attribute.replaceAll(".", "")}`;
      variables.set(name, part);
      text += `\${${name}}`;
    } else text += `\${${part.target}.${part.attribute}}`;
  }
  return { text, variables };
}

/** Joins adjacent text and turns a Sub without references into plain text, one reference alone into it. */
export function simplifySub(parts: ReadonlyArray<string | CfnRef | CfnGetAtt>): CfnExpr {
  const merged: Array<string | CfnRef | CfnGetAtt> = [];
  for (const part of parts) {
    const last = merged[merged.length - 1];
    if (typeof part === "string" && typeof last === "string") merged[merged.length - 1] = last + part;
    else if (part !== "") merged.push(part);
  }
  if (merged.length === 0) return "";
  if (merged.length === 1) return merged[0] as CfnExpr;
  return new CfnSub(merged);
}

/** The logical IDs an expression refers to (not pseudo parameters). */
export function targetsIn(value: CfnExpr, found: Set<string> = new Set()): Set<string> {
  if (value instanceof CfnRef || value instanceof CfnGetAtt) {
    if (!value.target.startsWith("AWS::")) found.add(value.target);
  } else if (value instanceof CfnSub) {
    for (const part of value.parts) if (typeof part !== "string") targetsIn(part, found);
  } else if (value instanceof CfnBase64) targetsIn(value.value, found);
  else if (Array.isArray(value)) for (const item of value) targetsIn(item, found);
  else if (value !== null && typeof value === "object")
    for (const item of Object.values(value)) targetsIn(item, found);
  return found;
}

/**
 * Replaces every reference to a logical ID by what `replace` returns for it (used to split nested
 * stacks). Parts without a replaced reference are shared, not copied: expressions are never mutated.
 */
export function mapTargets(
  value: CfnExpr,
  replace: (ref: CfnRef | CfnGetAtt) => CfnRef | CfnGetAtt,
): CfnExpr {
  if (value instanceof CfnRef || value instanceof CfnGetAtt)
    return value.target.startsWith("AWS::") ? value : replace(value);
  if (value instanceof CfnSub) {
    const parts = value.parts.map((part) =>
      typeof part === "string" || part.target.startsWith("AWS::") ? part : replace(part),
    );
    return parts.every((part, i) => part === value.parts[i]) ? value : new CfnSub(parts);
  }
  if (value instanceof CfnBase64) {
    const inner = mapTargets(value.value, replace);
    return inner === value.value ? value : new CfnBase64(inner);
  }
  if (Array.isArray(value)) {
    let out: CfnExpr[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item = mapTargets(value[i] as CfnExpr, replace);
      if (item !== value[i]) out ??= value.slice();
      if (out) out[i] = item;
    }
    return out ?? value;
  }
  if (value !== null && typeof value === "object") {
    // Copied from the first key that changes (the keys before it copied then), so in key order.
    let out: CfnObject | undefined;
    for (const key in value) {
      const item = value[key] as CfnExpr;
      const mapped = mapTargets(item, replace);
      if (out === undefined && mapped !== item) out = entriesBefore(value, key);
      if (out !== undefined) out[key] = mapped;
    }
    return out ?? value;
  }
  return value;
}

/**
 * A new object with the entries of `object` that come before `key`: where a copy starts when an object
 * is copied only once one of its values changes, keeping the key order.
 */
export function entriesBefore<T>(object: { [key: string]: T }, key: string): { [key: string]: T } {
  const out: { [key: string]: T } = {};
  for (const before in object) {
    if (before === key) break;
    out[before] = object[before] as T;
  }
  return out;
}
