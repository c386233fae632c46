import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, realpathSync } from "node:fs";
import { dirname, join } from "node:path";
import { freePort } from "../../scripts/emulators/free-port.ts";

let started: Promise<string> | undefined;
let child: ChildProcess | undefined;

/**
 * The GCP Pub/Sub emulator (from the gcloud SDK, Java 17) on a free loopback port, started once per
 * test process. A missing emulator fails the test loudly.
 */
export function pubsubEmulator(): Promise<string> {
  started ??= start();
  return started;
}

async function start(): Promise<string> {
  const binary = emulatorBinary();
  const port = await freePort();
  child = spawn(binary, ["--host=127.0.0.1", `--port=${port}`], {
    stdio: "ignore",
    env: { ...process.env, METADATA_SERVER_DETECTION: "none" },
    detached: false,
  });
  process.once("exit", () => child?.kill());
  const endpoint = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 300; attempt++) {
    try {
      if ((await fetch(endpoint)).ok) {
        child.unref();
        return endpoint;
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the Pub/Sub emulator did not answer on ${endpoint} within 30 s`);
}

function emulatorBinary(): string {
  let gcloud: string;
  try {
    gcloud = realpathSync(execFileSync("sh", ["-c", "command -v gcloud"], { encoding: "utf8" }).trim());
  } catch {
    throw new Error(
      "gcloud is not installed; the Pub/Sub emulator comes with it (gcloud components install pubsub-emulator).",
    );
  }
  const binary = join(
    dirname(dirname(gcloud)),
    "platform",
    "pubsub-emulator",
    "bin",
    "cloud-pubsub-emulator",
  );
  if (!existsSync(binary))
    throw new Error(`No Pub/Sub emulator at ${binary}: gcloud components install pubsub-emulator.`);
  return binary;
}
