import type { Command } from "commander";
import type { EventInput } from "../../events/envelope.ts";
import { type CommonOptions, contextFor, withCommonOptions } from "../command-context.ts";
import { type ControlOptions, describeRun, openControlPlane, withControlOptions } from "../control-plane.ts";
import { EXIT } from "../exit-codes.ts";
import type { CliIO } from "../io.ts";
import { resolvePath } from "../paths.ts";
import { readJsonFile } from "../read-json-file.ts";

/** `plinth events put FILE`: puts events on the local bus; matching rules start their workflows. */
export function registerEvents(program: Command, io: CliIO, setExit: (code: number) => void): void {
  const events = program.command("events").description("the local event bus");
  withControlOptions(withCommonOptions(events.command("put"), { spec: false }))
    .description("put one event (or a JSON list of events) on the local bus; routed workflows run")
    .argument("<file>", "JSON: {source, detail-type, detail} (schemas/events/)")
    .action(async (file: string, options: CommonOptions & ControlOptions) => {
      const ctx = contextFor(io, options);
      const parsed = readJsonFile(resolvePath(io, file));
      const { plane, close } = await openControlPlane(ctx, options);
      const results = [];
      let failed = false;
      try {
        for (const input of Array.isArray(parsed) ? parsed : [parsed]) {
          const { event, deliveries } = await plane.bus.put(input as EventInput);
          results.push({ id: event.id, detailType: event["detail-type"], deliveries });
          if (!ctx.json && deliveries.length === 0)
            io.stdout(`${event["detail-type"]} ${event.id}: no rule matched.\n`);
          for (const delivery of deliveries) {
            const run = await plane.runs.get(delivery.runId);
            failed ||= run?.status === "FAILED";
            if (ctx.json) continue;
            if (!delivery.started)
              io.stdout(
                `${event["detail-type"]} ${event.id}: already delivered; run ${delivery.runId} exists.\n`,
              );
            else if (run) io.stdout(describeRun(ctx, run, options.state));
          }
        }
      } finally {
        close();
      }
      if (ctx.json) io.stdout(`${JSON.stringify({ events: results }, null, 2)}\n`);
      setExit(failed ? EXIT.error : EXIT.ok);
    });
}
