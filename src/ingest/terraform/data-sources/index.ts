import type { SchemaBlock } from "../../../catalog/provider-schemas.ts";
import type { ValueObject } from "../../../model/value.ts";
import { evaluatePolicyDocument, POLICY_DOCUMENT_SCHEMA } from "./aws-iam-policy-document.ts";

/** A data source whose result follows from its arguments alone, so plinth computes it without a cloud. */
export interface StaticDataSource {
  /** Tells nested blocks from arguments, as the provider's schema does. */
  schema: SchemaBlock;
  /** The data source's attributes from its evaluated arguments; throws `EvaluationError` where Terraform would fail. */
  evaluate(args: ValueObject): ValueObject;
}

/** Every other data source reads the cloud when Terraform runs, so its values stay unknown. */
export const STATIC_DATA_SOURCES: ReadonlyMap<string, StaticDataSource> = new Map([
  ["aws_iam_policy_document", { schema: POLICY_DOCUMENT_SCHEMA, evaluate: evaluatePolicyDocument }],
]);
