import { Encoded, isPlainObject, type Value, type ValueObject } from "../../../model/value.ts";
import { describeUnresolved, isUnresolved, listOf, type ResourceView } from "../../resource-view.ts";
import { fail, pass, unknown } from "../../rule.ts";
import type { Verdict } from "../../types.ts";
import { anyOf, type Tri } from "./tri.ts";

/** Resource types that carry an IAM policy document in `policy`. */
export const IAM_POLICY_TYPES = [
  "aws_iam_policy",
  "aws_iam_role_policy",
  "aws_iam_user_policy",
  "aws_iam_group_policy",
  "aws_iam_policy_document",
];
export const IAM_POLICY_CFN_TYPES = ["AWS::IAM::Policy", "AWS::IAM::ManagedPolicy", "AWS::IAM::Role"];

/** The statements of a policy document given as JSON text, `jsonencode(…)`, or an object. */
export function statementsOf(document: Value | undefined): ValueObject[] | "unknown" | "invalid" {
  let doc: Value | undefined = document;
  if (doc instanceof Encoded) doc = doc.value;
  if (isUnresolved(doc)) return "unknown";
  if (typeof doc === "string") {
    const text = doc;
    try {
      doc = JSON.parse(text) as Value;
    } catch {
      return text.includes("${") ? "unknown" : "invalid";
    }
  }
  if (!isPlainObject(doc)) return "invalid";
  const statements = listOf(doc.Statement);
  if (isUnresolved(statements)) return "unknown";
  return statements.filter((s): s is ValueObject => isPlainObject(s));
}

/** Whether a statement's field (Action, Resource) includes a value matching `test`. */
function includes(statement: ValueObject, field: string, test: (value: string) => boolean): Tri {
  const values = listOf(statement[field]);
  if (isUnresolved(values)) return "unknown";
  return anyOf(
    values.map((v): Tri => (isUnresolved(v) ? "unknown" : typeof v === "string" && test(v) ? "yes" : "no")),
  );
}

function allows(statement: ValueObject): Tri {
  const effect = statement.Effect;
  if (isUnresolved(effect)) return "unknown";
  return effect === "Allow" ? "yes" : "no";
}

const isStar = (v: string) => v === "*" || v === "*:*";

/** A statement allowing every action (`*`) — on every resource too when `onAllResources`. */
export function grantsAllActions(statement: ValueObject, onAllResources: boolean): Tri {
  const parts: Tri[] = [allows(statement), includes(statement, "Action", isStar)];
  if (onAllResources) parts.push(includes(statement, "Resource", isStar));
  if (parts.includes("no")) return "no";
  return parts.every((p) => p === "yes") ? "yes" : "unknown";
}

/** Verdict on a resource's policy document: fails when any statement grants what `grants` finds. */
export function policyVerdict(
  resource: ResourceView,
  grants: (statement: ValueObject) => Tri,
  what: string,
): Verdict {
  const document =
    resource.type === "aws_iam_policy_document" ? documentFromBlocks(resource) : resource.get("policy");
  const statements = statementsOf(document);
  if (statements === "unknown")
    return unknown(
      `Its policy document is not known statically${isUnresolved(document) ? `: ${describeUnresolved(document)}` : ""}.`,
      "policy",
    );
  if (statements === "invalid")
    return unknown("Its policy document is not a JSON policy plinth can read.", "policy");
  const found = anyOf(statements.map(grants));
  if (found === "yes") return fail(`A statement allows ${what}.`, "policy");
  if (found === "unknown")
    return unknown(`Whether a statement allows ${what} is not known statically.`, "policy");
  return pass(`No statement allows ${what}.`, "policy");
}

/** The `aws_iam_policy_document` data source's statement blocks, as the JSON document it renders. */
function documentFromBlocks(resource: ResourceView): Value {
  const statements = resource.blocks("statement");
  if (isUnresolved(statements)) return statements;
  return {
    Statement: statements.map((s) => ({
      Effect: s.effect ?? "Allow",
      Action: s.actions ?? [],
      Resource: s.resources ?? [],
    })),
  };
}
