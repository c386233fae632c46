import type { Command } from "commander";
import { withCommonOptions } from "../command-context.ts";
import { type DeployOptions, deployContext } from "../deploy-context.ts";
import { EXIT } from "../exit-codes.ts";
import type { CliIO } from "../io.ts";

/** `plinth history`: the environment's state versions, oldest first. */
export function registerHistory(program: Command, io: CliIO, setExit: (code: number) => void): void {
  withCommonOptions(program.command("history"))
    .description("list the state versions (checkpoints) of an environment")
    .option(
      "--state <location>",
      "where state is kept: a directory (default: .plinth next to the spec) or dynamodb:TABLE[/BUCKET]",
    )
    .action(async (options: DeployOptions) => {
      const d = await deployContext(io, options);
      try {
        const versions = await d.store.listVersions(d.key);
        if (d.ctx.json) {
          io.stdout(`${JSON.stringify({ app: d.key.app, env: d.key.env, versions }, null, 2)}\n`);
        } else if (versions.length === 0) {
          io.stdout(`No versions of ${d.key.app}/${d.key.env} yet: nothing was applied.\n`);
        } else {
          const rows = versions.map((v) => [
            String(v.version),
            v.createdAt.replace("T", " ").replace(/\.\d+Z$/, "Z"),
            v.command,
            v.outcome,
            `+${v.changes.create} ~${v.changes.update} -/+${v.changes.replace} -${v.changes.delete}`,
            String(v.resourceCount),
            `${v.principal} (${v.trigger})`,
          ]);
          const header = ["VERSION", "CREATED", "COMMAND", "OUTCOME", "CHANGES", "RESOURCES", "BY"];
          const widths = header.map((h, i) =>
            Math.max(h.length, ...rows.map((r) => (r[i] as string).length)),
          );
          const line = (cells: string[]) =>
            cells
              .map((c, i) => c.padEnd(widths[i] as number))
              .join("  ")
              .trimEnd();
          io.stdout(`${d.ctx.style.bold(line(header))}\n${rows.map(line).join("\n")}\n`);
        }
        setExit(EXIT.ok);
      } finally {
        d.close();
      }
    });
}
