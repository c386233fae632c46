import { type ChildProcess, spawn } from "node:child_process";
import { freePort } from "./ports.ts";

let started: Promise<string> | undefined;
let child: ChildProcess | undefined;

/**
 * The moto AWS emulator's endpoint. CI (`.ci/run`) starts one and exports PLINTH_MOTO_URL; otherwise
 * the first test that asks starts moto_server on a free loopback port for this test process. If moto
 * is not installed the test fails, loudly: tests that need an emulator never skip.
 */
export function motoEndpoint(): Promise<string> {
  const given = process.env.PLINTH_MOTO_URL;
  if (given) return Promise.resolve(given);
  started ??= startMoto();
  return started;
}

/** Clears every resource in moto, so each test starts from an empty account. */
export async function resetMoto(endpoint: string): Promise<void> {
  const response = await fetch(`${endpoint}/moto-api/reset`, { method: "POST" });
  if (!response.ok) throw new Error(`moto reset failed: HTTP ${response.status}`);
}

async function startMoto(): Promise<string> {
  const port = await freePort();
  child = spawn("moto_server", ["-H", "127.0.0.1", "-p", String(port)], { stdio: "ignore" });
  const failed = new Promise<never>((_, reject) => {
    child?.once("error", (error) =>
      reject(
        new Error(
          `moto_server could not start (${error.message}); install it with: pip install 'moto[server]'`,
        ),
      ),
    );
  });
  process.once("exit", () => child?.kill());
  const endpoint = `http://127.0.0.1:${port}`;
  const ready = (async () => {
    for (let attempt = 0; attempt < 100; attempt++) {
      try {
        if ((await fetch(`${endpoint}/moto-api/data.json`)).ok) return endpoint;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`moto_server did not answer on ${endpoint} within 10 s`);
  })();
  const url = await Promise.race([ready, failed]);
  child.unref();
  return url;
}
