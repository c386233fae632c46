import type { AddressInfo } from "node:net";
import type { Command } from "commander";
import { InputError } from "../../errors.ts";
import { SCHEDULES } from "../../events/routes.ts";
import { createControlServer } from "../../runtime/control-server.ts";
import { LocalScheduler } from "../../runtime/scheduler.ts";
import { type CommonOptions, contextFor, withCommonOptions } from "../command-context.ts";
import { type ControlOptions, openControlPlane, withControlOptions } from "../control-plane.ts";
import { EXIT } from "../exit-codes.ts";
import type { CliIO } from "../io.ts";
import { resolvePath } from "../paths.ts";

interface ServeOptions extends CommonOptions, ControlOptions {
  host: string;
  port: string;
  webhookSecretFile?: string;
}

const LOOPBACK = new Set(["127.0.0.1", "::1", "localhost"]);
/** How often waiting approvals are checked for their timeout. */
const EXPIRY_SWEEP_MS = 30_000;

/** `plinth serve`: the schedules, an HTTP endpoint for events, webhooks and approvals, until stopped. */
export function registerServe(program: Command, io: CliIO, setExit: (code: number) => void): void {
  withControlOptions(withCommonOptions(program.command("serve"), { spec: false }))
    .description("run the schedules and an HTTP endpoint (events, GitHub webhooks, approvals) on loopback")
    .option("--host <address>", "loopback address to listen on", "127.0.0.1")
    .option("--port <port>", "port (0: any free one)", "8787")
    .option("--webhook-secret-file <file>", "file holding the GitHub webhook secret")
    .action(async (options: ServeOptions) => {
      const ctx = contextFor(io, options);
      if (!LOOPBACK.has(options.host))
        throw new InputError(`plinth serve listens on loopback only, not ${options.host}.`, {
          hint: "Put a TLS reverse proxy in front of it to expose webhooks.",
        });
      const port = Number(options.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new InputError(`--port must be 0-65535, not ${options.port}.`);
      const webhookSecret = options.webhookSecretFile
        ? (await import("node:fs"))
            .readFileSync(resolvePath(io, options.webhookSecretFile).absolute, "utf8")
            .trim()
        : undefined;
      const { plane, close } = await openControlPlane(ctx, options);
      const scheduler = new LocalScheduler({
        schedules: SCHEDULES,
        put: (event) => plane.bus.put(event),
        onError: (schedule, error) =>
          io.stderr(`error: schedule ${schedule.name}: ${(error as Error).message}\n`),
      });
      const server = createControlServer({
        ...plane,
        ...(webhookSecret ? { webhookSecret } : {}),
        upcoming: () => scheduler.upcoming(),
      });
      await new Promise<void>((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, options.host, resolve);
      });
      const host = options.host.includes(":") ? `[${options.host}]` : options.host;
      const url = `http://${host}:${(server.address() as AddressInfo).port}`;
      scheduler.start();
      const sweep = setInterval(
        () => void plane.runner.expireApprovals().catch(() => undefined),
        EXPIRY_SWEEP_MS,
      );
      const schedules = scheduler.upcoming().map((s) => ({ name: s.name, next: s.at.toISOString() }));
      if (ctx.json) io.stdout(`${JSON.stringify({ url, schedules })}\n`);
      else {
        io.stdout(`plinth serve listening on ${url}\n`);
        for (const s of schedules) io.stdout(`  schedule ${s.name}: next at ${s.next}\n`);
        io.stdout("Stop with Ctrl-C.\n");
      }
      await new Promise<void>((resolve) => {
        if (io.signal?.aborted) resolve();
        io.signal?.addEventListener("abort", () => resolve(), { once: true });
      });
      scheduler.stop();
      clearInterval(sweep);
      await new Promise((resolve) => server.close(resolve));
      close();
      setExit(EXIT.ok);
    });
}
