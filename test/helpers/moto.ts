import { type ChildProcess, spawn } from "node:child_process";
import { randomInt } from "node:crypto";
import { freePort } from "./ports.ts";

let started: Promise<string> | undefined;

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

export interface MotoAccount {
  accountId: string;
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken: string };
}

/**
 * Credentials for an AWS account of its own inside the shared moto server. Test files run in parallel
 * against one moto, so none of them may reset it; each works in a fresh account instead (moto keys its
 * state by the account of the credentials, and STS AssumeRole into `arn:aws:iam::<id>:role/…` returns
 * credentials of that account). S3 bucket names stay global, as on AWS: make them unique.
 */
export async function motoAccount(endpoint?: string): Promise<MotoAccount> {
  const url = endpoint ?? (await motoEndpoint());
  const accountId = String(randomInt(100_000_000_000, 999_999_999_999));
  const body = new URLSearchParams({
    Action: "AssumeRole",
    Version: "2011-06-15",
    RoleArn: `arn:aws:iam::${accountId}:role/plinth-test`,
    RoleSessionName: "plinth-test",
  });
  const response = await fetch(url, {
    method: "POST",
    body,
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      // moto does not check signatures, but routes STS calls by the credential scope's service.
      authorization:
        "AWS4-HMAC-SHA256 Credential=testing/20260101/us-east-1/sts/aws4_request, SignedHeaders=host, Signature=0",
    },
  });
  const xml = await response.text();
  const field = (name: string) => {
    const match = new RegExp(`<${name}>([^<]+)</${name}>`).exec(xml);
    if (!match?.[1])
      throw new Error(
        `moto AssumeRole answered without ${name}: HTTP ${response.status} ${xml.slice(0, 200)}`,
      );
    return match[1];
  };
  return {
    accountId,
    credentials: {
      accessKeyId: field("AccessKeyId"),
      secretAccessKey: field("SecretAccessKey"),
      sessionToken: field("SessionToken"),
    },
  };
}

/**
 * Starts a moto server of this test process alone, with extra environment: for tests that need moto
 * configured differently (INITIAL_NO_AUTH_ACTION_COUNT turns IAM authentication on). Stopped at exit.
 */
export async function startMoto(env: Record<string, string> = {}): Promise<string> {
  const port = await freePort();
  const server: ChildProcess = spawn("moto_server", ["-H", "127.0.0.1", "-p", String(port)], {
    stdio: "ignore",
    // AWS managed policies (AmazonSSMManagedInstanceCore…) exist only when moto loads them.
    env: { ...process.env, MOTO_IAM_LOAD_MANAGED_POLICIES: "true", ...env },
  });
  const failed = new Promise<never>((_, reject) => {
    server.once("error", (error) =>
      reject(
        new Error(
          `moto_server could not start (${error.message}); install it with: pip install 'moto[server]'`,
        ),
      ),
    );
  });
  process.once("exit", () => server.kill());
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
  server.unref();
  return url;
}
