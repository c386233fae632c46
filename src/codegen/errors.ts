import { PlinthError } from "../errors.ts";

/**
 * The graph holds something a format cannot express yet: a resource type without a mapping, a value
 * known only after ingestion. Nothing is written; the message names the type (or value) and the format.
 */
export class UnsupportedByFormatError extends PlinthError {
  override name = "UnsupportedByFormatError";
}

/** The format does not generate for the graph's cloud (CloudFormation for GCP, ARM for AWS…). */
export class FormatCloudMismatchError extends PlinthError {
  override name = "FormatCloudMismatchError";
}
