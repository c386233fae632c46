import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import type { EventInput } from "../events/envelope.ts";
import { InvalidEventError } from "../events/errors.ts";
import type { EventPublisher } from "../events/publisher.ts";
import { validateEvent } from "../events/validate-event.ts";
import { RecordExistsError } from "../state/errors.ts";
import type { StateStore } from "../state/store.ts";

/** A request as every cloud's HTTP trigger can give it: lower-case header names, the raw body. */
export interface WebhookRequest {
  headers: Readonly<Record<string, string | undefined>>;
  body: string;
}

export interface WebhookResponse {
  status: number;
  body: { message: string; event?: string };
}

/** Remembers delivery ids so a replayed (or redelivered) webhook is accepted once. */
export interface DeliveryLog {
  /** true the first time an id is seen, false after. */
  remember(deliveryId: string): Promise<boolean>;
}

/** GitHub redelivers within days, never later: a delivery id is remembered for a week. */
const DELIVERY_TTL_MS = 7 * 24 * 3600 * 1000;

/**
 * Deliveries as records of the state store (collection `deliveries`), created only if absent and
 * expiring after a week. The id is hashed: it is attacker-chosen text and never becomes a key as is.
 */
export function deliveriesIn(store: StateStore, now: () => Date): DeliveryLog {
  return {
    remember: async (deliveryId) => {
      const id = createHash("sha256").update(deliveryId).digest("hex");
      const expiresAt = new Date(now().getTime() + DELIVERY_TTL_MS).toISOString();
      try {
        await store.putRecord({ collection: "deliveries", id, data: {} }, { ifAbsent: true, expiresAt });
        return true;
      } catch (error) {
        if (error instanceof RecordExistsError) return false;
        throw error;
      }
    },
  };
}

/** What the webhook needs; the secret is read when a request arrives (from Secrets Manager, once). */
export interface WebhookDependencies {
  secret: () => Promise<string>;
  deliveries: DeliveryLog;
  publisher: EventPublisher;
}

/** GitHub caps webhook payloads at 25 MB; a pull_request event is a few tens of KB. */
export const MAX_WEBHOOK_BYTES = 1024 * 1024;
const SIGNATURE = /^sha256=([0-9a-f]{64})$/;
const PR_ACTIONS = new Set(["opened", "synchronize", "reopened", "closed"]);

/**
 * Checks `X-Hub-Signature-256` (HMAC-SHA256 of the raw body with the webhook secret) in constant time.
 * A missing, malformed or wrong-length header is simply not valid.
 */
export function verifyGitHubSignature(secret: string, body: string, header: string | undefined): boolean {
  const match = SIGNATURE.exec(header ?? "");
  if (!match) return false;
  const expected = createHmac("sha256", secret).update(body, "utf8").digest();
  const given = Buffer.from(match[1] as string, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * The GitHub webhook: verifies the signature before reading anything else, accepts each delivery once,
 * and turns pull_request events into PullRequestChanged on the bus. The preview issue acts on them.
 */
export async function receiveGitHubWebhook(
  request: WebhookRequest,
  deps: { secret: string; deliveries: DeliveryLog; publisher: EventPublisher },
): Promise<WebhookResponse> {
  if (Buffer.byteLength(request.body) > MAX_WEBHOOK_BYTES)
    return { status: 413, body: { message: "Payload too large." } };
  if (!verifyGitHubSignature(deps.secret, request.body, request.headers["x-hub-signature-256"]))
    return { status: 401, body: { message: "Invalid or missing X-Hub-Signature-256." } };
  const delivery = request.headers["x-github-delivery"];
  const kind = request.headers["x-github-event"];
  if (!delivery || !kind)
    return { status: 400, body: { message: "Missing X-GitHub-Delivery or X-GitHub-Event." } };
  if (kind !== "pull_request")
    return { status: 202, body: { message: `Ignored ${kind.slice(0, 40)} event.` } };
  let payload: PullRequestPayload;
  try {
    payload = JSON.parse(request.body) as PullRequestPayload;
  } catch {
    return { status: 400, body: { message: "The body is not JSON." } };
  }
  const pr = payload.pull_request;
  if (!PR_ACTIONS.has(payload.action ?? "") || !pr || !payload.repository?.full_name)
    return {
      status: 202,
      body: { message: `Ignored pull_request action ${String(payload.action).slice(0, 40)}.` },
    };
  const event: EventInput = {
    source: "plinth.github",
    "detail-type": "PullRequestChanged",
    detail: {
      repo: payload.repository.full_name,
      number: pr.number,
      action: payload.action,
      ...(payload.action === "closed" ? { merged: Boolean(pr.merged) } : {}),
      headSha: pr.head?.sha,
      ...(pr.head?.ref ? { headRef: pr.head.ref } : {}),
      ...(pr.base?.ref ? { baseRef: pr.base.ref } : {}),
      sender: payload.sender?.login ?? "unknown",
      deliveryId: delivery,
    },
  };
  try {
    validateEvent(event, "The pull request");
  } catch (error) {
    if (error instanceof InvalidEventError) return { status: 400, body: { message: error.message } };
    throw error;
  }
  if (!(await deps.deliveries.remember(delivery)))
    return { status: 200, body: { message: "Delivery already received." } };
  return { status: 202, body: { message: "Accepted.", event: await deps.publisher.publish(event) } };
}

interface PullRequestPayload {
  action?: string;
  repository?: { full_name?: string };
  sender?: { login?: string };
  pull_request?: {
    number: number;
    merged?: boolean;
    head?: { sha?: string; ref?: string };
    base?: { ref?: string };
  };
}
