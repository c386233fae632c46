import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { freePort } from "./free-port.ts";

export interface MotoServer {
  endpoint: string;
  stop: () => void;
}

/** Whether `moto_server` is installed (pip install "moto[server]"). */
export function motoInstalled(): boolean {
  return spawnSync("moto_server", ["--help"], { stdio: "ignore" }).status === 0;
}

/**
 * Starts moto on a free loopback port (for the demo, benchmarks and tests), with extra environment where
 * a caller needs moto configured differently (INITIAL_NO_AUTH_ACTION_COUNT turns IAM authentication on);
 * resolves once it answers. It does not keep this process alive and is stopped when it exits.
 */
export async function startMotoServer(env: Record<string, string> = {}): Promise<MotoServer> {
  const port = await freePort();
  const child: ChildProcess = spawn("moto_server", ["-H", "127.0.0.1", "-p", String(port)], {
    stdio: "ignore",
    // AWS managed policies (AmazonSSMManagedInstanceCore…) exist only when moto loads them.
    env: { ...process.env, MOTO_IAM_LOAD_MANAGED_POLICIES: "true", ...env },
  });
  let spawnError: Error | undefined;
  child.once("error", (error) => {
    spawnError = error;
  });
  const stop = () => child.kill();
  process.once("exit", stop);
  child.unref();
  const endpoint = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 100 && !spawnError; attempt++) {
    if (await reachable(endpoint)) return { endpoint, stop };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  stop();
  throw new Error(
    spawnError
      ? `moto_server could not start (${spawnError.message}); install it with: pip install 'moto[server]'`
      : `moto_server did not answer on ${endpoint} within 10 s`,
  );
}

/** Whether an AWS-compatible endpoint answers (moto's own API, or any HTTP answer). */
export async function reachable(endpoint: string): Promise<boolean> {
  try {
    await fetch(`${endpoint}/moto-api/data.json`, { signal: AbortSignal.timeout(1000) });
    return true;
  } catch {
    return false;
  }
}
