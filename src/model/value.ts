/**
 * Values of native resource properties. Plain JSON, plus values that only become concrete at apply
 * time: a reference to another resource's attribute, a string template mixing text and references, an
 * input variable, an encoded document (JSON policy, base64 user data), and a value that cannot be known
 * statically (from ingested code).
 * Properties follow Terraform's shape: nested blocks are arrays of objects (or one object for
 * `single` nesting), exactly as `terraform show -json` prints `values`.
 */
export type Value =
  | null
  | boolean
  | number
  | string
  | Value[]
  | ValueObject
  | Ref
  | Template
  | VarRef
  | Encoded
  | Unknown;
export interface ValueObject {
  [key: string]: Value;
}

export type AttributePath = ReadonlyArray<string | number>;

/** `aws_vpc.net.id`, `aws_db_instance.db.master_user_secret[0].secret_arn`. */
export class Ref {
  readonly address: string;
  readonly path: AttributePath;
  constructor(address: string, path: AttributePath) {
    this.address = address;
    this.path = path;
  }
  toString(): string {
    return `${this.address}${formatPath(this.path)}`;
  }
}

/** A string built from text and references, e.g. `postgres://${aws_db_instance.db.endpoint}/app`. */
export class Template {
  readonly parts: ReadonlyArray<string | Ref | VarRef>;
  constructor(parts: ReadonlyArray<string | Ref | VarRef>) {
    this.parts = parts;
  }
}

/** An input of the generated program (Terraform variable, CloudFormation parameter, Pulumi config). */
export class VarRef {
  readonly name: string;
  constructor(name: string) {
    this.name = name;
  }
}

/**
 * A structured value passed to the cloud as an encoded string: a JSON policy document
 * (`jsonencode(…)` in HCL, a native object in CloudFormation) or base64 user data. Keeping the
 * structure lets every format render it idiomatically and lets references inside it resolve.
 */
export class Encoded {
  readonly encoding: "json" | "base64";
  readonly value: Value;
  constructor(encoding: "json" | "base64", value: Value) {
    this.encoding = encoding;
    this.value = value;
  }
}

/** A value plinth cannot know before apply (ingested code); never guessed. */
export class Unknown {
  readonly reason: string;
  constructor(reason: string) {
    this.reason = reason;
  }
}

export function isPlainObject(value: Value | undefined): value is ValueObject {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Ref) &&
    !(value instanceof Template) &&
    !(value instanceof VarRef) &&
    !(value instanceof Encoded) &&
    !(value instanceof Unknown)
  );
}

export function formatPath(path: AttributePath): string {
  return path.map((p) => (typeof p === "number" ? `[${p}]` : `.${p}`)).join("");
}

/** Every reference inside a value, in order of appearance. */
export function referencesIn(value: Value): Ref[] {
  const found: Ref[] = [];
  collectReferences(value, found);
  return found;
}

// Called for every value of every resource (dependency order, cost, apply): scalars leave first, and
// nothing is allocated on the way down.
function collectReferences(value: Value, found: Ref[]): void {
  if (typeof value !== "object" || value === null) return;
  if (value instanceof Ref) found.push(value);
  else if (value instanceof Template) {
    for (const part of value.parts) if (part instanceof Ref) found.push(part);
  } else if (value instanceof Encoded) collectReferences(value.value, found);
  else if (Array.isArray(value)) for (const item of value) collectReferences(item, found);
  else if (isPlainObject(value)) for (const key in value) collectReferences(value[key] as Value, found);
}

// JSON form, for state, plans and workflow payloads. Special values are objects with one `$`-key;
// user keys that start with `$` are escaped by doubling the `$`, so no input can forge a reference.
export type Json = null | boolean | number | string | Json[] | JsonObject;
export interface JsonObject {
  [key: string]: Json;
}

export function encodeValue(value: Value): Json {
  if (typeof value !== "object" || value === null) return value;
  if (value instanceof Ref) return { $ref: value.address, $path: [...value.path] };
  if (value instanceof Template)
    return { $template: value.parts.map((p) => (typeof p === "string" ? p : encodeValue(p))) };
  if (value instanceof VarRef) return { $var: value.name };
  if (value instanceof Encoded) return { $encoded: value.encoding, $value: encodeValue(value.value) };
  if (value instanceof Unknown) return { $unknown: value.reason };
  if (Array.isArray(value)) return value.map(encodeValue);
  if (isPlainObject(value)) {
    const out: { [key: string]: Json } = {};
    for (const [k, v] of Object.entries(value)) setOwn(out, k.startsWith("$") ? `$${k}` : k, encodeValue(v));
    return out;
  }
  return value;
}

export function decodeValue(json: Json): Value {
  if (Array.isArray(json)) return json.map(decodeValue);
  if (json === null || typeof json !== "object") return json;
  if ("$ref" in json) return new Ref(json.$ref as string, json.$path as Array<string | number>);
  if ("$template" in json)
    return new Template(
      (json.$template as Json[]).map((p) => (typeof p === "string" ? p : (decodeValue(p) as Ref | VarRef))),
    );
  if ("$var" in json) return new VarRef(json.$var as string);
  if ("$encoded" in json)
    return new Encoded(json.$encoded as "json" | "base64", decodeValue(json.$value as Json));
  if ("$unknown" in json) return new Unknown(json.$unknown as string);
  const out: ValueObject = {};
  for (const [k, v] of Object.entries(json)) setOwn(out, k.startsWith("$$") ? k.slice(1) : k, decodeValue(v));
  return out;
}

/** Sets an own property, even one named `__proto__`, which plain assignment would turn into a prototype. */
export function setOwn<T>(target: Record<string, T>, key: string, value: T): void {
  if (key === "__proto__")
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}
