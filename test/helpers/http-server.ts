import { createServer, type IncomingMessage, type ServerResponse } from "node:http";

export interface RecordedServer {
  url: string;
  requests: Array<{ method: string; url: string; headers: IncomingMessage["headers"]; body: string }>;
  close(): Promise<void>;
}

/**
 * An HTTP server on 127.0.0.1 answering with recorded responses, so price API clients are tested over
 * real HTTP. `answer` gets each request (with its body) and writes the response.
 */
export async function recordedServer(
  answer: (
    request: { url: string; headers: IncomingMessage["headers"]; body: string },
    response: ServerResponse,
    index: number,
  ) => void,
): Promise<RecordedServer> {
  const requests: RecordedServer["requests"] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", () => {
      const request = { method: req.method ?? "GET", url: req.url ?? "/", headers: req.headers, body };
      requests.push(request);
      answer(request, res, requests.length - 1);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { "content-type": "application/json", ...headers });
  response.end(JSON.stringify(body));
}
