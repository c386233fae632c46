import { PlinthError } from "../../errors.ts";
import type { PolicyInput } from "../check-policy.ts";
import type { PolicyResult } from "../types.ts";
import { findingsFrom, opaInput } from "./opa-input.ts";

/** OPA answered, but not with a decision: a policy error, a missing document, a refused token. */
export class OpaError extends PlinthError {
  override name = "OpaError";
}

/** OPA could not be reached or was overloaded: worth retrying. */
export class OpaUnavailableError extends PlinthError {
  override name = "OpaUnavailableError";
  override readonly retryable = true;
}

export interface OpaDataApiOptions {
  /** The server, e.g. http://127.0.0.1:8181 */
  url: string;
  /** The rule to query, as a data path: `plinth/deny` for `data.plinth.deny`. */
  path: string;
  token?: string;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  /** Attempts for transient failures (connection refused, 429, 502–504). */
  attempts?: number;
  timeoutMs?: number;
}

const MAX_RESPONSE_BYTES = 16 * 1024 * 1024;
const TRANSIENT = new Set([429, 502, 503, 504]);

/**
 * Evaluates a Rego rule through OPA's Data API (`POST /v1/data/<path>` with `{"input": …}`,
 * https://www.openpolicyagent.org/docs/rest-api#get-a-document-with-input) and turns its result into
 * failed findings. Only transient failures are retried, with exponential backoff.
 */
export async function evaluateWithOpaServer(
  inputs: ReadonlyArray<PolicyInput>,
  options: OpaDataApiOptions,
): Promise<PolicyResult[]> {
  const base = new URL(options.url);
  if (base.protocol !== "http:" && base.protocol !== "https:")
    throw new OpaError(`--opa-url must be an http(s) URL, not \`${options.url}\`.`);
  const path = options.path.replace(/^data[./]/, "").replace(/\./g, "/");
  if (!/^[A-Za-z_][\w]*(\/[A-Za-z_][\w]*)*$/.test(path))
    throw new OpaError(`The OPA query path \`${options.path}\` is not a data path like plinth/deny.`);
  const endpoint = new URL(`v1/data/${path}`, base.href.endsWith("/") ? base : `${base.href}/`);
  const body = JSON.stringify({ input: opaInput(inputs) });
  const doFetch = options.fetch ?? fetch;
  const sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  const attempts = options.attempts ?? 3;

  for (let attempt = 1; ; attempt++) {
    try {
      const response = await doFetch(endpoint, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        },
        body,
        signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
      });
      const text = await readLimited(response);
      if (TRANSIENT.has(response.status))
        throw new OpaUnavailableError(`OPA at ${base.origin} answered HTTP ${response.status}.`);
      if (response.status === 401 || response.status === 403)
        throw new OpaError(`OPA at ${base.origin} refused the request (HTTP ${response.status}).`, {
          hint: "Check the token (PLINTH_OPA_TOKEN).",
        });
      const json = parseJson(text, base.origin);
      if (!response.ok) {
        const message = typeof json.message === "string" ? json.message : `HTTP ${response.status}`;
        throw new OpaError(
          `OPA at ${base.origin} could not evaluate data.${path.replace(/\//g, ".")}: ${message}.`,
        );
      }
      if (!("result" in json))
        throw new OpaError(`OPA at ${base.origin} has no document at data.${path.replace(/\//g, ".")}.`, {
          hint: "Check that the policy is loaded and --opa-query names its rule.",
        });
      return findingsFrom(json.result, inputs, `data.${path.replace(/\//g, ".")}`);
    } catch (error) {
      const transient = error instanceof OpaUnavailableError || isNetworkError(error);
      if (!transient || attempt >= attempts) {
        if (error instanceof PlinthError) throw error;
        throw new OpaUnavailableError(`OPA at ${base.origin} could not be reached: ${reason(error)}.`, {
          hint: "Is the server running? Check --opa-url.",
          cause: error,
        });
      }
      await sleep(200 * 2 ** (attempt - 1));
    }
  }
}

async function readLimited(response: Response): Promise<string> {
  const length = Number(response.headers.get("content-length") ?? 0);
  if (length > MAX_RESPONSE_BYTES)
    throw new OpaError(`OPA's answer is larger than ${MAX_RESPONSE_BYTES / 1024 / 1024} MiB.`);
  const text = await response.text();
  if (text.length > MAX_RESPONSE_BYTES)
    throw new OpaError(`OPA's answer is larger than ${MAX_RESPONSE_BYTES / 1024 / 1024} MiB.`);
  return text;
}

function parseJson(text: string, origin: string): Record<string, unknown> {
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value === "object" && value !== null && !Array.isArray(value))
      return value as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new OpaError(`OPA at ${origin} answered with something that is not a JSON object.`);
}

function isNetworkError(error: unknown): boolean {
  return (
    error instanceof TypeError ||
    (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError"))
  );
}

function reason(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : undefined;
  return cause ?? (error instanceof Error ? error.message : String(error));
}
