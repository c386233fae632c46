import { writeFileSync } from "node:fs";
import { basename, dirname } from "node:path";
import type { Command } from "commander";
import { InputError } from "../../errors.ts";
import { appNameFrom, starterSpec } from "../../spec/starter.ts";
import { type CommonOptions, contextFor, parseCloud, withCommonOptions } from "../command-context.ts";
import { EXIT } from "../exit-codes.ts";
import type { CliIO } from "../io.ts";
import { resolvePath } from "../paths.ts";

interface InitOptions extends CommonOptions {
  cloud?: string;
  app?: string;
}

/** `plinth init`: writes a commented starter plinth.yaml; never overwrites one. */
export function registerInit(program: Command, io: CliIO, setExit: (code: number) => void): void {
  withCommonOptions(program.command("init"), { spec: false })
    .description("create a commented starter plinth.yaml")
    .option("-f, --file <path>", "where to write it", "plinth.yaml")
    .option("--cloud <cloud>", "aws, gcp or azure", "aws")
    .option("--app <name>", "application name (default: the directory's name)")
    .action((options: InitOptions) => {
      const ctx = contextFor(io, options);
      const cloud = parseCloud(options.cloud) ?? "aws";
      const path = resolvePath(io, options.file);
      const app = appNameFrom(options.app ?? basename(dirname(path.absolute)));
      try {
        // `wx` creates the file only if it does not exist, atomically: no race, no overwrite.
        writeFileSync(path.absolute, starterSpec(app, cloud), { flag: "wx" });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === "EEXIST")
          throw new InputError(`${path.display} already exists; plinth init never overwrites it.`);
        if (code === "ENOENT") throw new InputError(`The directory of ${path.display} does not exist.`);
        throw new InputError(`Cannot write ${path.display}: ${(error as Error).message}.`);
      }
      if (ctx.json) io.stdout(`${JSON.stringify({ file: path.display, app, cloud }, null, 2)}\n`);
      else
        io.stdout(
          `Created ${path.display} for app ${app} on ${cloud}. Next: plinth validate -f ${path.display}\n`,
        );
      setExit(EXIT.ok);
    });
}
