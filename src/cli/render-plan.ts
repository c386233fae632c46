import { describeSummary } from "../engine/plan.ts";
import type { Plan, PlannedChange } from "../engine/plan-types.ts";
import { isSensitiveMarker } from "../engine/redact.ts";
import type { Json } from "../model/value.ts";
import type { Style } from "./style.ts";

const HEADINGS: Record<PlannedChange["action"], string> = {
  create: "will be created",
  update: "will be updated in place",
  replace: "must be replaced",
  delete: "will be destroyed",
  "no-op": "is unchanged",
};

/** A plan as people read `terraform plan`: one block per changed resource, then the totals. */
export function renderPlan(plan: Plan, style: Style): string {
  const changed = plan.changes.filter((c) => c.action !== "no-op");
  if (changed.length === 0) {
    return `${style.green("No changes.")} ${plan.command === "destroy" ? "Nothing to destroy" : "The environment matches the spec"} (${plan.app}/${plan.env}, state version ${plan.baseVersion}).\n`;
  }
  const symbols: Record<PlannedChange["action"], string> = {
    create: style.green("+"),
    update: style.yellow("~"),
    replace: `${style.red("-")}/${style.green("+")}`,
    delete: style.red("-"),
    "no-op": " ",
  };
  const out: string[] = [
    "plinth will perform the following actions:",
    `  ${style.green("+")} create  ${style.yellow("~")} update in place  ${style.red("-")}/${style.green("+")} replace  ${style.red("-")} destroy`,
    "",
  ];
  for (const change of changed) {
    const [type, ...nameParts] = change.address.split(".");
    out.push(
      style.bold(
        `  # ${change.address} ${HEADINGS[change.action]}${change.reason ? ` (${change.reason})` : ""}`,
      ),
    );
    const replaceOrder = change.replaceOrder === "create-before-destroy" ? " (create before destroy)" : "";
    const lead = change.action === "replace" ? symbols.replace : `  ${symbols[change.action]}`;
    out.push(`${lead} resource "${type}" "${nameParts.join(".")}" {${replaceOrder}`);
    out.push(...attributeLines(change, style));
    out.push("    }", "");
  }
  out.push(`${style.bold("Plan:")} ${describeSummary(plan)}.`);
  if (plan.interrupted.length > 0)
    out.push(
      style.yellow(
        `An interrupted apply left ${plan.interrupted.length} resource(s) possibly created but not recorded; apply looks for them by their tags before creating anything.`,
      ),
    );
  return `${out.join("\n")}\n`;
}

function attributeLines(change: PlannedChange, style: Style): string[] {
  const lines: string[] = [];
  if (change.action === "create" || change.action === "delete") {
    const values = (change.action === "create" ? change.after : change.before) ?? {};
    const sign = change.action === "create" ? style.green("+") : style.red("-");
    const names = Object.keys(values).sort();
    const width = Math.max(0, ...names.map((n) => n.length));
    for (const name of names)
      lines.push(`      ${sign} ${name.padEnd(width)} = ${show(values[name] as Json, 6)}`);
    return lines;
  }
  const width = Math.max(0, ...change.changes.map((c) => c.name.length));
  for (const c of change.changes) {
    const force =
      c.forcesReplacement && change.action === "replace" ? style.red(" # forces replacement") : "";
    const after = c.unknown ? "(known after apply)" : show(c.after, 6);
    if (!("before" in c)) lines.push(`      ${style.green("+")} ${c.name.padEnd(width)} = ${after}${force}`);
    else if (!("after" in c))
      lines.push(`      ${style.red("-")} ${c.name.padEnd(width)} = ${show(c.before, 6)} -> null${force}`);
    else
      lines.push(
        `      ${style.yellow("~")} ${c.name.padEnd(width)} = ${show(c.before, 6)} -> ${after}${force}`,
      );
  }
  const unchanged =
    Object.keys(change.after ?? {}).length - change.changes.filter((c) => "after" in c).length;
  if (unchanged > 0)
    lines.push(style.dim(`        # (${unchanged} unchanged attribute${unchanged === 1 ? "" : "s"} hidden)`));
  return lines;
}

/** A value as plan output shows it: JSON, secrets as (sensitive value), references as (known after apply). */
function show(value: Json | undefined, indent: number): string {
  if (value === undefined) return "null";
  // Most values are scalars: their JSON is the whole answer (no marker or reference inside).
  if (typeof value !== "object" || value === null) return JSON.stringify(value);
  if (isSensitiveMarker(value)) return "(sensitive value)";
  if (isReference(value)) return "(known after apply)";
  const text = JSON.stringify(value, (_key, v: Json) =>
    isSensitiveMarker(v) ? "(sensitive value)" : isReference(v) ? "(known after apply)" : v,
  );
  if (text.length <= 80) return text;
  return JSON.stringify(
    value,
    (_key, v: Json) =>
      isSensitiveMarker(v) ? "(sensitive value)" : isReference(v) ? "(known after apply)" : v,
    2,
  ).replace(/\n/g, `\n${" ".repeat(indent + 2)}`);
}

function isReference(value: Json | undefined): boolean {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    ("$ref" in value || "$template" in value || "$var" in value || "$encoded" in value || "$unknown" in value)
  );
}
