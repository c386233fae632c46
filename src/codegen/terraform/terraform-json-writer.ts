import { setOwn } from "../../model/value.ts";
import type { HclBodyItem, HclExpr } from "./hcl-syntax.ts";
import { escapeTemplateSequences, writeInlineExpr } from "./hcl-writer.ts";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * Terraform's JSON syntax (`.tf.json`) for the same blocks the HCL writer prints. In JSON every string
 * and object key is a template, so literal text is escaped as in HCL (`${` → `$${`), references become
 * `"${aws_vpc.net.id}"`, and function calls one inline HCL expression. Meta-arguments that name things
 * rather than compute them (`depends_on`, `provider`, a variable's `type`) are bare strings.
 */
export function writeTerraformJson(items: Iterable<HclBodyItem>): string {
  const root: { [key: string]: Json } = {};
  for (const item of items) {
    if (item.kind !== "block") continue;
    const body = bodyJson(item.body, item.type === "variable");
    if (item.labels.length === 0) {
      root[item.type] = body;
      continue;
    }
    let target = child(root, item.type);
    for (const label of item.labels.slice(0, -1)) target = child(target, label);
    const last = item.labels[item.labels.length - 1] as string;
    const existing = target[last];
    // Several provider configurations of one provider (aliases) form an array.
    target[last] =
      existing === undefined ? body : Array.isArray(existing) ? [...existing, body] : [existing, body];
  }
  return `${JSON.stringify(root, null, 2)}\n`;
}

function child(parent: { [key: string]: Json }, key: string): { [key: string]: Json } {
  const existing = parent[key];
  if (existing && typeof existing === "object" && !Array.isArray(existing)) return existing;
  const created: { [key: string]: Json } = {};
  parent[key] = created;
  return created;
}

const NAMING_ARGUMENTS = new Set(["depends_on", "provider"]);

function bodyJson(items: ReadonlyArray<HclBodyItem>, isVariable: boolean): { [key: string]: Json } {
  const out: { [key: string]: Json } = {};
  for (const item of items) {
    if (item.kind === "attribute") {
      const bare = NAMING_ARGUMENTS.has(item.name) || (isVariable && item.name === "type");
      out[item.name] = bare ? bareJson(item.value) : exprJson(item.value);
    } else if (item.kind === "block") {
      const list = out[item.type];
      if (Array.isArray(list)) list.push(bodyJson(item.body, false));
      else out[item.type] = [bodyJson(item.body, false)];
    }
  }
  return out;
}

function bareJson(expr: HclExpr): Json {
  if (expr.kind === "tuple") return expr.items.map(bareJson);
  return expr.kind === "traversal" ? expr.text : exprJson(expr);
}

function exprJson(expr: HclExpr): Json {
  switch (expr.kind) {
    case "literal":
      return typeof expr.value === "string" ? escapeTemplateSequences(expr.value) : expr.value;
    case "traversal":
    case "call":
      return `\${${writeInlineExpr(expr)}}`;
    case "template": {
      let text = "";
      for (const part of expr.parts)
        text += typeof part === "string" ? escapeTemplateSequences(part) : `\${${writeInlineExpr(part)}}`;
      return text;
    }
    case "tuple":
      return expr.items.map(exprJson);
    case "object": {
      const out: { [key: string]: Json } = {};
      for (const [key, value] of expr.entries) setOwn(out, escapeTemplateSequences(key), exprJson(value));
      return out;
    }
  }
}
