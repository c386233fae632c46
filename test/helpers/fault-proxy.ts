import { createServer, type IncomingMessage, request, type Server, type ServerResponse } from "node:http";

export interface FaultProxyOptions {
  /** Share of requests answered with a fault instead of being forwarded (0–1). */
  faultRate?: number;
  /** Delay added to every forwarded request. */
  latencyMs?: number;
  /** Seed of the fault sequence, so a failing run can be replayed. */
  seed?: number;
  /**
   * Requests answered with AccessDenied (a definite refusal, never retried): a provider error
   * injected into one call, e.g. the creation of one queue. Sees the body as text.
   */
  deny?: (request: { method: string; url: string; target: string | undefined; body: string }) => boolean;
}

export interface FaultProxy {
  endpoint: string;
  /** Requests seen, and faults injected (by kind). */
  stats: { requests: number; throttled: number; unavailable: number; denied: number };
  close: () => Promise<void>;
}

/**
 * An HTTP proxy on loopback in front of moto that answers a share of requests with what AWS sends
 * under load: throttling errors in each protocol's shape (JSON, query XML, S3 XML, REST-JSON) and plain
 * 503s. Faults are injected before forwarding, so a faulted call never reached moto.
 */
export async function startFaultProxy(target: string, options: FaultProxyOptions = {}): Promise<FaultProxy> {
  const random = mulberry32(options.seed ?? 42);
  const stats = { requests: 0, throttled: 0, unavailable: 0, denied: 0 };
  const upstream = new URL(target);
  const server: Server = createServer((req, res) => {
    stats.requests++;
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const target = req.headers["x-amz-target"];
      const call = { method: req.method ?? "GET", url: req.url ?? "/", body: body.toString("utf8") };
      if (options.deny?.({ ...call, target: Array.isArray(target) ? target[0] : target })) {
        stats.denied++;
        deny(req, res);
        return;
      }
      const roll = random();
      const rate = options.faultRate ?? 0;
      if (roll < rate / 2) {
        stats.unavailable++;
        res.writeHead(503, { "content-type": "text/plain" }).end("Service Unavailable");
        return;
      }
      if (roll < rate) {
        stats.throttled++;
        throttle(req, body, res);
        return;
      }
      setTimeout(() => forward(req, body, res, upstream), options.latencyMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stats,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function forward(req: IncomingMessage, body: Buffer, res: ServerResponse, upstream: URL): void {
  const proxied = request(
    {
      host: upstream.hostname,
      port: upstream.port,
      method: req.method,
      path: req.url,
      headers: { ...req.headers, host: `${upstream.hostname}:${upstream.port}` },
    },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  proxied.on("error", () => res.writeHead(502).end());
  proxied.end(body);
}

/** A throttling error as the service's protocol spells it. */
function throttle(req: IncomingMessage, body: Buffer, res: ServerResponse): void {
  const target = req.headers["x-amz-target"];
  const contentType = String(req.headers["content-type"] ?? "");
  if (target) {
    res
      .writeHead(400, { "content-type": "application/x-amz-json-1.1", "x-amzn-requestid": "fault-proxy" })
      .end(JSON.stringify({ __type: "ThrottlingException", message: "Rate exceeded" }));
  } else if (contentType.includes("x-www-form-urlencoded")) {
    const ec2 = /Version=2016-11-15/.test(body.toString());
    res
      .writeHead(ec2 ? 503 : 400, { "content-type": "text/xml" })
      .end(
        ec2
          ? "<Response><Errors><Error><Code>RequestLimitExceeded</Code><Message>Request limit exceeded.</Message></Error></Errors><RequestID>fault-proxy</RequestID></Response>"
          : "<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>fault-proxy</RequestId></ErrorResponse>",
      );
  } else if (req.url?.startsWith("/2015-03-31/") || contentType.includes("application/json")) {
    res
      .writeHead(429, { "content-type": "application/json", "x-amzn-errortype": "TooManyRequestsException" })
      .end(JSON.stringify({ message: "Rate exceeded" }));
  } else {
    res
      .writeHead(503, { "content-type": "application/xml" })
      .end(
        "<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message><RequestId>fault-proxy</RequestId></Error>",
      );
  }
}

/** AccessDenied as the service's protocol spells it (JSON services answer 400, the others 403). */
function deny(req: IncomingMessage, res: ServerResponse): void {
  const message = "User: arn:aws:iam::000000000000:user/deployer is not authorized to perform this action";
  if (req.headers["x-amz-target"])
    res
      .writeHead(400, {
        "content-type": "application/x-amz-json-1.0",
        "x-amzn-requestid": "fault-proxy-deny",
      })
      .end(JSON.stringify({ __type: "com.amazonaws.sqs#AccessDeniedException", message }));
  else
    res
      .writeHead(403, { "content-type": "text/xml" })
      .end(
        `<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>${message}</Message></Error><RequestId>fault-proxy-deny</RequestId></ErrorResponse>`,
      );
}

/** A small seeded PRNG: the same seed gives the same fault sequence. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
