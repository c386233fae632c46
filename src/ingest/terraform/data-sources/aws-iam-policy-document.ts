import { crc32 } from "node:zlib";
import type { SchemaBlock } from "../../../catalog/provider-schemas.ts";
import {
  Encoded,
  isPlainObject,
  setOwn,
  Template,
  Unknown,
  type Value,
  type ValueObject,
} from "../../../model/value.ts";
import { escapeAsGo } from "../functions/string-functions.ts";
import { EvaluationError, firstUnknown, isConcrete, isPending } from "../values.ts";

/**
 * The `aws_iam_policy_document` data source, evaluated statically: it only formats its arguments,
 * so Terraform's result is known before apply whenever its inputs are. Rendering follows the AWS
 * provider's (internal/service/iam: policy_document_data_source.go, policy_model.go): fields in
 * the provider's order, sets of strings deduplicated and sorted in reverse, one-element lists
 * collapsed to a string, principals and conditions keyed by type and test in sorted order, `&{`
 * turned into `${`, source documents merged first and override documents last by `Sid`.
 */

const STRING_SET = { type: ["set", "string"] as [string, unknown], optional: true };
const PRINCIPALS = {
  nesting_mode: "set" as const,
  block: {
    attributes: { type: { type: "string" }, identifiers: STRING_SET },
  },
};

/** The data source's schema (provider 6.x), so blocks and JSON syntax read as Terraform reads them. */
export const POLICY_DOCUMENT_SCHEMA: SchemaBlock = {
  attributes: {
    version: { type: "string", optional: true },
    policy_id: { type: "string", optional: true },
    source_policy_documents: { type: ["list", "string"], optional: true },
    override_policy_documents: { type: ["list", "string"], optional: true },
  },
  block_types: {
    statement: {
      nesting_mode: "list",
      block: {
        attributes: {
          sid: { type: "string", optional: true },
          effect: { type: "string", optional: true },
          actions: STRING_SET,
          not_actions: STRING_SET,
          resources: STRING_SET,
          not_resources: STRING_SET,
        },
        block_types: {
          principals: PRINCIPALS,
          not_principals: PRINCIPALS,
          condition: {
            nesting_mode: "set",
            block: {
              attributes: {
                test: { type: "string" },
                variable: { type: "string" },
                values: { type: ["list", "string"] },
              },
            },
          },
        },
      },
    },
  },
};

/** A statement as the provider models it; `undefined` fields are left out of the JSON. */
interface Statement {
  Sid: Value;
  Effect: Value;
  Action?: Value;
  NotAction?: Value;
  Resource?: Value;
  NotResource?: Value;
  /** Unknown when a source document's principal is known only after apply. */
  Principal?: Principal[] | Unknown;
  NotPrincipal?: Principal[] | Unknown;
  Condition?: Condition[];
}

interface Principal {
  type: Value;
  identifiers: Value;
}

interface Condition {
  test: Value;
  variable: Value;
  values: Value;
}

interface PolicyDocument {
  Version: string;
  Id: Value;
  Statement: Statement[];
}

/** What the data source exports: `json`, `minified_json` and `id`, plus its arguments. */
export function evaluatePolicyDocument(args: ValueObject): ValueObject {
  const merged: PolicyDocument = { Version: "", Id: "", Statement: [] };
  const sources = documentList(args.source_policy_documents, "source_policy_documents");
  const overrides = documentList(args.override_policy_documents, "override_policy_documents");
  const own = ownDocument(args);
  const pending = [sources, overrides, own].find((d) => d instanceof Unknown);
  if (pending) return withResult(args, pending);
  const seen = new Set<string>();
  (sources as PolicyDocument[]).forEach((source, index) => {
    for (const statement of source.Statement) {
      const sid = statement.Sid as string;
      if (sid === "") continue;
      if (seen.has(sid))
        throw new EvaluationError(
          `source_policy_documents[${index}] repeats the Sid "${sid}"; Terraform refuses duplicate Sids across source documents`,
        );
      seen.add(sid);
    }
    merge(merged, source);
  });
  merge(merged, own as PolicyDocument);
  for (const override of overrides as PolicyDocument[]) merge(merged, override);
  return withResult(args, render(merged));
}

function withResult(args: ValueObject, rendered: Unknown | ValueObject): ValueObject {
  const out: ValueObject = { ...args };
  if (rendered instanceof Unknown) {
    for (const key of ["json", "minified_json", "id"]) setOwn(out, key, rendered);
    return out;
  }
  if (isConcrete(rendered)) {
    const json = escapeAsGo(JSON.stringify(rendered, null, 2));
    setOwn(out, "json", json);
    setOwn(out, "minified_json", escapeAsGo(JSON.stringify(rendered)));
    setOwn(out, "id", String(crc32(json)));
    return out;
  }
  // References (a bucket's ARN) stay references inside the document, as `jsonencode` keeps them.
  setOwn(out, "json", new Encoded("json", rendered));
  setOwn(out, "minified_json", new Encoded("json", rendered));
  setOwn(out, "id", new Unknown("the policy document's id depends on values known only after apply"));
  return out;
}

/** The document the `statement` blocks, `version` and `policy_id` describe. */
function ownDocument(args: ValueObject): PolicyDocument | Unknown {
  const version = args.version ?? "2012-10-17";
  const policyId = args.policy_id ?? "";
  const blocks = args.statement ?? [];
  const pending = [version, policyId, blocks].find(isPending);
  if (pending) return unknownFrom(pending);
  if (version !== "2012-10-17" && version !== "2008-10-17")
    throw new EvaluationError(`version must be "2012-10-17" or "2008-10-17", not ${JSON.stringify(version)}`);
  if (!Array.isArray(blocks)) throw new EvaluationError("statement must be blocks");
  const sids = new Set<string>();
  const statements: Statement[] = [];
  for (const block of blocks) {
    if (!isPlainObject(block)) throw new EvaluationError("each statement must be a block");
    const sid = block.sid ?? "";
    if (isPending(sid)) return unknownFrom(sid);
    if (typeof sid !== "string") throw new EvaluationError("a statement's sid must be text");
    if (sid !== "" && sids.has(sid))
      throw new EvaluationError(`the Sid "${sid}" is used by two statements; Terraform refuses that`);
    if (sid !== "") sids.add(sid);
    const effect = block.effect ?? "Allow";
    if (!isPending(effect) && effect !== "Allow" && effect !== "Deny")
      throw new EvaluationError(
        `a statement's effect must be "Allow" or "Deny", not ${JSON.stringify(effect)}`,
      );
    const statement: Statement = { Sid: sid, Effect: effect };
    const strings = (name: string, vars: boolean) => {
      const value = block[name];
      return value === undefined || value === null ? undefined : stringSet(value, name, vars, version);
    };
    assign(statement, "Action", strings("actions", false));
    assign(statement, "NotAction", strings("not_actions", false));
    assign(statement, "Resource", strings("resources", true));
    assign(statement, "NotResource", strings("not_resources", true));
    assign(statement, "Principal", principals(block.principals, version));
    assign(statement, "NotPrincipal", principals(block.not_principals, version));
    assign(statement, "Condition", conditions(block.condition, version));
    statements.push(statement);
  }
  return { Version: version as string, Id: policyId, Statement: statements };
}

function assign<K extends keyof Statement>(statement: Statement, key: K, value: Statement[K] | undefined) {
  if (value !== undefined) statement[key] = value;
}

/**
 * A set of strings as the provider writes it: one element as a string, several deduplicated and
 * sorted in reverse; `&{aws:username}` becomes `${aws:username}` where policy variables may appear.
 * An empty set is left out. Elements known only after apply keep their place; the list is not sorted.
 */
function stringSet(value: Value, name: string, vars: boolean, version: Value): Value | undefined {
  if (isPending(value)) return value;
  if (!Array.isArray(value)) throw new EvaluationError(`${name} must be a set of strings`);
  const items: Value[] = [];
  for (const item of value) {
    if (item === null) continue;
    if (!isPending(item) && typeof item !== "string")
      throw new EvaluationError(`${name} must be a set of strings`);
    const replaced = vars ? replacePolicyVariables(item, version) : item;
    if (typeof replaced !== "string" || !items.includes(replaced)) items.push(replaced);
  }
  if (items.length === 0) return undefined;
  if (items.length === 1) return items[0] as Value;
  if (items.every((i) => typeof i === "string")) return (items as string[]).sort(byBytes).reverse();
  return items;
}

/** `&{aws:username}` → `${aws:username}`: how the provider lets HCL write IAM policy variables. */
function replacePolicyVariables(value: Value, version: Value): Value {
  const replace = (text: string) => {
    if (version === "2008-10-17" && text.includes("&{"))
      throw new EvaluationError(`\`&{\` in "${text}" needs policy version 2012-10-17`);
    return text.replaceAll("&{", "${");
  };
  if (typeof value === "string") return replace(value);
  if (value instanceof Template)
    return new Template(value.parts.map((p) => (typeof p === "string" ? replace(p) : p)));
  return value;
}

function principals(value: Value | undefined, version: Value): Principal[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw new EvaluationError("principals must be blocks");
  const out = value.filter(isPlainObject).map((block) => ({
    type: block.type ?? null,
    identifiers: stringSet(block.identifiers ?? [], "identifiers", true, version) ?? [],
  }));
  return out.length > 0 ? out : undefined;
}

function conditions(value: Value | undefined, version: Value): Condition[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw new EvaluationError("condition must be blocks");
  const out = value.filter(isPlainObject).map((block) => {
    const values = block.values ?? [];
    return {
      test: block.test ?? null,
      variable: block.variable ?? null,
      values: Array.isArray(values) ? values.map((v) => replacePolicyVariables(v, version)) : values,
    };
  });
  return out.length > 0 ? out : undefined;
}

/** `source_policy_documents`/`override_policy_documents`: JSON texts, read as the provider reads them. */
function documentList(value: Value | undefined, name: string): PolicyDocument[] | Unknown {
  if (value === undefined || value === null) return [];
  if (isPending(value)) return unknownFrom(value);
  if (!Array.isArray(value)) throw new EvaluationError(`${name} must be a list of JSON policy documents`);
  const documents: PolicyDocument[] = [];
  for (const [index, item] of value.entries()) {
    if (item === null) continue;
    let data: unknown = item;
    if (item instanceof Encoded && item.encoding === "json") data = item.value;
    else if (isPending(item)) return unknownFrom(item);
    else if (typeof item === "string") {
      try {
        data = JSON.parse(item);
      } catch {
        throw new EvaluationError(`${name}[${index}] is not valid JSON`);
      }
    } else throw new EvaluationError(`${name}[${index}] must be a JSON policy document`);
    const document = decodeDocument(data, `${name}[${index}]`);
    if (document instanceof Unknown) return document;
    documents.push(document);
  }
  return documents;
}

/**
 * A policy document given as JSON, as the provider's Go types read it: field names matched without
 * regard to case, `Principal: "*"` as every principal, principal lists sorted, condition values
 * that are booleans turned into text and numbers dropped (as the provider does).
 */
function decodeDocument(data: unknown, what: string): PolicyDocument | Unknown {
  if (!isPlainObject(data as Value)) throw new EvaluationError(`${what} is not a JSON object`);
  const doc = data as ValueObject;
  const version = field(doc, "Version") ?? "";
  const id = field(doc, "Id") ?? "";
  const list = field(doc, "Statement") ?? [];
  const pending = [version, id, list].find(isPending);
  if (pending) return unknownFrom(pending);
  if (typeof version !== "string" || typeof id !== "string" || !Array.isArray(list))
    throw new EvaluationError(
      `${what} does not have the shape of an IAM policy (Version, Id, Statement list)`,
    );
  const statements: Statement[] = [];
  for (const raw of list) {
    if (!isPlainObject(raw)) throw new EvaluationError(`${what} has a statement that is not an object`);
    const sid = field(raw, "Sid") ?? "";
    if (isPending(sid)) return unknownFrom(sid);
    if (typeof sid !== "string") throw new EvaluationError(`${what} has a Sid that is not text`);
    const statement: Statement = { Sid: sid, Effect: field(raw, "Effect") ?? "" };
    for (const key of ["Action", "NotAction", "Resource", "NotResource"] as const) {
      const value = field(raw, key);
      if (value !== undefined && value !== null) statement[key] = value;
    }
    assign(statement, "Principal", decodePrincipals(field(raw, "Principal"), what));
    assign(statement, "NotPrincipal", decodePrincipals(field(raw, "NotPrincipal"), what));
    assign(statement, "Condition", decodeConditions(field(raw, "Condition"), what));
    statements.push(statement);
  }
  return { Version: version, Id: id, Statement: statements };
}

function decodePrincipals(value: Value | undefined, what: string): Principal[] | Unknown | undefined {
  if (value === undefined || value === null) return undefined;
  if (isPending(value)) return unknownFrom(value);
  if (typeof value === "string") return [{ type: "*", identifiers: ["*"] }];
  if (!isPlainObject(value))
    throw new EvaluationError(`${what} has a Principal that is not text or an object`);
  const out = Object.entries(value).map(([type, identifiers]): Principal => {
    if (Array.isArray(identifiers) && identifiers.every((i) => typeof i === "string"))
      return { type, identifiers: [...identifiers].sort(byBytes) };
    if (typeof identifiers === "string" || isPending(identifiers)) return { type, identifiers };
    throw new EvaluationError(`${what} has a Principal whose ${type} is not text or a list of text`);
  });
  return out.length > 0 ? out : undefined;
}

function decodeConditions(value: Value | undefined, what: string): Condition[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (isPending(value) || !isPlainObject(value))
    throw new EvaluationError(`${what} has a Condition that is not an object of tests`);
  const out: Condition[] = [];
  for (const [test, variables] of Object.entries(value)) {
    if (!isPlainObject(variables))
      throw new EvaluationError(`${what} has a Condition test that is not an object of keys`);
    for (const [variable, values] of Object.entries(variables)) {
      if (typeof values === "string" || isPending(values)) out.push({ test, variable, values: [values] });
      else if (typeof values === "boolean") out.push({ test, variable, values: String(values) });
      else if (Array.isArray(values)) {
        if (!values.every((v) => typeof v === "string" || isPending(v)))
          throw new EvaluationError(`${what} has condition values that are not text`);
        out.push({ test, variable, values });
      }
    }
  }
  return out.length > 0 ? out : undefined;
}

/** Go's JSON decoder matches struct fields by name regardless of case, preferring the exact name. */
function field(object: ValueObject, name: string): Value | undefined {
  if (Object.hasOwn(object, name)) return object[name];
  const lower = name.toLowerCase();
  const key = Object.keys(object).find((k) => k.toLowerCase() === lower);
  return key === undefined ? undefined : object[key];
}

/** The provider's Merge: a later document's Id wins, the higher Version wins, statements replace by Sid. */
function merge(target: PolicyDocument, next: PolicyDocument): void {
  if (typeof next.Id !== "string" || next.Id !== "") target.Id = next.Id;
  if (next.Version > target.Version) target.Version = next.Version;
  for (const statement of next.Statement) {
    const index = statement.Sid === "" ? -1 : target.Statement.findIndex((s) => s.Sid === statement.Sid);
    if (index === -1) target.Statement.push(statement);
    else target.Statement[index] = statement;
  }
}

/**
 * The document as the provider marshals it, fields in its order. A value known only after apply
 * stays in its place (a reference, or an unknown), so checks still read every known field.
 */
function render(doc: PolicyDocument): ValueObject {
  const out: ValueObject = {};
  if (doc.Version !== "") out.Version = doc.Version;
  if (doc.Id !== "") out.Id = doc.Id;
  if (doc.Statement.length > 0) out.Statement = doc.Statement.map(renderStatement);
  return out;
}

function renderStatement(statement: Statement): ValueObject {
  const out: ValueObject = {};
  if (statement.Sid !== "") out.Sid = statement.Sid;
  if (statement.Effect !== "") out.Effect = statement.Effect;
  for (const key of ["Action", "NotAction", "Resource", "NotResource"] as const) {
    const value = statement[key];
    if (value !== undefined) out[key] = value;
  }
  for (const key of ["Principal", "NotPrincipal"] as const) {
    const value = statement[key];
    if (value !== undefined) out[key] = value instanceof Unknown ? value : renderPrincipals(value);
  }
  if (statement.Condition) out.Condition = renderConditions(statement.Condition);
  return out;
}

/**
 * `{"AWS": [...], "Service": "..."}` keyed by type in sorted order; one `*` principal of type `*` is
 * the bare `"*"`. Several blocks of one type are concatenated, each block's list sorted in reverse.
 */
function renderPrincipals(principals: Principal[]): Value {
  const [only] = principals;
  if (principals.length === 1 && only?.type === "*") {
    const ids = only.identifiers;
    if (ids === "*" || (Array.isArray(ids) && ids.length === 1 && ids[0] === "*")) return "*";
  }
  const byType = new Map<string, Value>();
  for (const { type, identifiers } of principals) {
    if (typeof type !== "string") return unknownFrom(type);
    const existing = byType.get(type);
    if (Array.isArray(identifiers)) {
      const sorted = identifiers.every((i) => typeof i === "string")
        ? [...(identifiers as string[])].sort(byBytes).reverse()
        : identifiers;
      const base = existing === undefined ? [] : Array.isArray(existing) ? existing : [existing];
      byType.set(type, [...base, ...sorted]);
    } else {
      byType.set(
        type,
        existing === undefined
          ? identifiers
          : [...(Array.isArray(existing) ? existing : [existing]), identifiers],
      );
    }
  }
  return sortedObject(byType);
}

/** `{test: {variable: values}}`, sorted; values of one test and variable concatenated; one collapses. */
function renderConditions(conditions: Condition[]): Value {
  const byTest = new Map<string, Map<string, Value[]>>();
  for (const { test, variable, values } of conditions) {
    if (typeof test !== "string") return unknownFrom(test);
    if (typeof variable !== "string") return unknownFrom(variable);
    const variables = byTest.get(test) ?? new Map<string, Value[]>();
    byTest.set(test, variables);
    const list = variables.get(variable) ?? [];
    variables.set(variable, list);
    if (Array.isArray(values)) list.push(...values);
    else list.push(values);
  }
  const out = new Map<string, Value>();
  for (const [test, variables] of byTest) {
    const inner = new Map<string, Value>();
    for (const [variable, values] of variables)
      inner.set(variable, values.length === 1 ? (values[0] as Value) : values);
    out.set(test, sortedObject(inner));
  }
  return sortedObject(out);
}

function sortedObject(entries: Map<string, Value>): ValueObject {
  const out: ValueObject = {};
  for (const key of [...entries.keys()].sort(byBytes)) setOwn(out, key, entries.get(key) as Value);
  return out;
}

/** Go orders strings by their bytes; for the ASCII of IAM names this is code-unit order. */
function byBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function unknownFrom(value: Value): Unknown {
  if (value instanceof Unknown) return value;
  return firstUnknown(value) ?? new Unknown("the policy document depends on values known only after apply");
}
