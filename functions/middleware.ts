import middy, { type MiddlewareObj } from "@middy/core";
import { PlinthError } from "../src/errors.ts";
import { type CompiledValidator, schemaProblems } from "../src/schema-problems.ts";

/** A task was called with input its schema refuses: a bug in the workflow, never retried. */
export class InvalidTaskInputError extends PlinthError {
  override name = "InvalidTaskInputError";
}

/** A task answered with output its schema refuses: a bug in the handler, never retried. */
export class InvalidTaskOutputError extends PlinthError {
  override name = "InvalidTaskOutputError";
}

/**
 * Checks the event against the handler's precompiled schema (schemas/handlers/) before the handler
 * runs; the error names the handler and the first problems, never echoing the payload.
 */
export function validInput(validator: CompiledValidator, handler: string): MiddlewareObj {
  return {
    name: "validInput",
    before: (request) => {
      const problems = schemaProblems(validator, request.event);
      if (problems.length > 0)
        throw new InvalidTaskInputError(`${handler}: invalid input: ${problems.join("; ")}.`);
    },
  };
}

/** Checks the result against the step's output schema: what the next step reads is what it expects. */
export function validOutput(validator: CompiledValidator, handler: string): MiddlewareObj {
  return {
    name: "validOutput",
    after: (request) => {
      const problems = schemaProblems(validator, request.response);
      if (problems.length > 0)
        throw new InvalidTaskOutputError(`${handler}: invalid output: ${problems.join("; ")}.`);
    },
  };
}

/**
 * A failed task's error becomes the workflow's `Cause`, which is what the failure record and the
 * person reading it see: a plinth error leaves with its location and hint in the message.
 */
export function describedErrors(): MiddlewareObj {
  return {
    name: "describedErrors",
    onError: (request) => {
      const error = request.error;
      if (error instanceof PlinthError && (error.location || error.hint)) error.message = error.describe();
    },
  };
}

/**
 * A deploy or destroy step as a Lambda handler: the input and the answer checked against the step's
 * contract (schemas/handlers/<name>.schema.json), a failure's message made readable for the record.
 */
export function stepHandler<I, O>(
  name: string,
  contract: { Input: CompiledValidator; Output: CompiledValidator },
  step: (input: I) => Promise<O>,
) {
  return middy<I, O>()
    .use(describedErrors())
    .use(validInput(contract.Input, name))
    .use(validOutput(contract.Output, name))
    .handler(step);
}

/** A handler's dependencies, built on demand (the cloud's load their SDK clients on first use). */
export type Provide<T> = () => T | Promise<T>;

/**
 * Builds a handler's dependencies on its first invocation (after the cold start's configuration is
 * known), then reuses them: one client per container, created by the entry point, not by a module.
 * A build that fails is tried again on the next invocation.
 */
export function lazy<T>(build: () => T | Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => {
    value ??= Promise.resolve()
      .then(build)
      .catch((error: unknown) => {
        value = undefined;
        throw error;
      });
    return value;
  };
}
