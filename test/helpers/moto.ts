import { randomInt } from "node:crypto";
import { startMotoServer } from "../../scripts/emulators/moto-server.ts";

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
  return (await startMotoServer(env)).endpoint;
}
