import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { ApprovalStore } from "../control/approvals.ts";
import { parseApprovalRoute } from "../control/decide-approval.ts";
import { type DeliveryLog, MAX_WEBHOOK_BYTES, receiveGitHubWebhook } from "../control/github-webhook.ts";
import { InputError } from "../errors.ts";
import type { EventInput } from "../events/envelope.ts";
import { InvalidEventError } from "../events/errors.ts";
import type { LocalBus } from "../events/local-bus.ts";
import { ApprovalTokenMismatchError, RunNotFoundError, RunNotWaitingError } from "./errors.ts";
import type { RunStore } from "./run-store.ts";
import type { WorkflowRunner } from "./workflow-runner.ts";

export interface ControlServerDependencies {
  bus: LocalBus;
  runner: WorkflowRunner;
  runs: RunStore;
  approvals: ApprovalStore;
  deliveries: DeliveryLog;
  /** The GitHub webhook secret; without one the webhook route answers 404. */
  webhookSecret?: string;
  /** What /healthz reports about schedules. */
  upcoming?: () => Array<{ name: string; at: Date }>;
}

interface Reply {
  status: number;
  body: unknown;
}

/**
 * `plinth serve`'s HTTP endpoint, for loopback only: events in (`POST /events`), GitHub webhooks
 * (`POST /webhooks/github`), approvals (`POST /approvals/<run id>/approve|reject` with the run's token
 * in `X-Plinth-Approval-Token`), and `GET /runs/<run id>`. Every answer is JSON; no stack trace leaves.
 */
export function createControlServer(deps: ControlServerDependencies): Server {
  return createServer((request, response) => {
    route(request, deps)
      .catch((error: unknown): Reply => {
        if (error instanceof BodyTooLarge) return { status: 413, body: { message: "Payload too large." } };
        if (error instanceof RunNotFoundError) return { status: 404, body: { message: error.message } };
        if (error instanceof RunNotWaitingError) return { status: 409, body: { message: error.message } };
        if (error instanceof ApprovalTokenMismatchError)
          return { status: 403, body: { message: error.message } };
        if (error instanceof InputError) return { status: 400, body: { message: error.message } };
        return { status: 500, body: { message: "Internal error; see the plinth serve output." } };
      })
      .then((reply) => send(response, reply));
  });
}

async function route(request: IncomingMessage, deps: ControlServerDependencies): Promise<Reply> {
  const path = (request.url ?? "/").split("?")[0] as string;
  const method = request.method ?? "GET";
  if (method === "GET" && path === "/healthz")
    return {
      status: 200,
      body: {
        ok: true,
        schedules: deps.upcoming?.().map((s) => ({ name: s.name, at: s.at.toISOString() })) ?? [],
      },
    };
  if (method === "GET" && path.startsWith("/runs/")) {
    const run = await deps.runs.get(decodeURIComponent(path.slice("/runs/".length)));
    return run ? { status: 200, body: run } : { status: 404, body: { message: "No such run." } };
  }
  const body = await readBody(request);
  if (method === "POST" && path === "/events") {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return { status: 400, body: { message: "The body is not JSON: send one event or a list of events." } };
    }
    const results = [];
    for (const event of Array.isArray(parsed) ? parsed : [parsed]) {
      try {
        const { event: put, deliveries } = await deps.bus.put(event as EventInput);
        results.push({ id: put.id, deliveries });
      } catch (error) {
        if (error instanceof InvalidEventError)
          return { status: 400, body: { message: error.message, accepted: results } };
        throw error;
      }
    }
    return { status: 202, body: { events: results } };
  }
  if (method === "POST" && path === "/webhooks/github") {
    if (!deps.webhookSecret)
      return { status: 404, body: { message: "No GitHub webhook secret is configured." } };
    const headers = Object.fromEntries(
      Object.entries(request.headers).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]),
    );
    return receiveGitHubWebhook(
      { headers, body },
      { secret: deps.webhookSecret, deliveries: deps.deliveries, publisher: deps.bus },
    );
  }
  if (path.startsWith("/approvals/")) {
    const approval = parseApprovalRoute(method, path, body);
    if (!approval.ok) return { status: approval.status, body: { message: approval.message } };
    const token = header(request, "x-plinth-approval-token");
    if (!token)
      return { status: 401, body: { message: "Send the run's approval token in X-Plinth-Approval-Token." } };
    const run = await deps.runner.resume(approval.runId, {
      approved: approval.approved,
      principal: header(request, "x-plinth-principal")?.slice(0, 256) ?? "http",
      token,
      ...(approval.comment ? { comment: approval.comment } : {}),
    });
    await deps.approvals.delete(approval.runId);
    return { status: 200, body: { runId: run.runId, status: run.status } };
  }
  return { status: 404, body: { message: `No route for ${method} ${path.slice(0, 100)}.` } };
}

class BodyTooLarge extends Error {}

/** Bodies over the limit are read to the end and dropped (so the client gets its 413), up to a cap. */
const DRAIN_CAP_BYTES = 16 * MAX_WEBHOOK_BYTES;

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > DRAIN_CAP_BYTES) request.destroy();
    if (size <= MAX_WEBHOOK_BYTES) chunks.push(chunk as Buffer);
  }
  if (size > MAX_WEBHOOK_BYTES) throw new BodyTooLarge();
  return Buffer.concat(chunks).toString("utf8");
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function send(response: ServerResponse, reply: Reply): void {
  const body = JSON.stringify(reply.body);
  response.writeHead(reply.status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(body),
  });
  response.end(body);
}
