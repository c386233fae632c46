import type { Command } from "commander";
import { type BudgetCheck, checkBudget } from "../../cost/budget.ts";
import { budgetFor } from "../../cost/budget-spec.ts";
import { convertReport, type ExchangeRates, rateFor, readRatesFile } from "../../cost/currency.ts";
import { type CostDiff, diffReports } from "../../cost/diff.ts";
import { estimateCost } from "../../cost/estimate.ts";
import { type CostInput, readCostInput } from "../../cost/input.ts";
import type { PriceSource } from "../../cost/prices/price.ts";
import { SnapshotPrices } from "../../cost/prices/snapshot.ts";
import { renderHtml } from "../../cost/render/render-html.ts";
import { renderMarkdown } from "../../cost/render/render-markdown.ts";
import { renderTable } from "../../cost/render/render-table.ts";
import type { CostReport } from "../../cost/report.ts";
import {
  layerUsage,
  NO_USAGE,
  readUsageFile,
  type UsageSet,
  usageSection,
  usageSet,
} from "../../cost/usage.ts";
import { InputError } from "../../errors.ts";
import { type CommonOptions, contextFor, withCommonOptions } from "../command-context.ts";
import { EXIT } from "../exit-codes.ts";
import {
  type InfrastructureFlags,
  infrastructureOptions,
  withInfrastructureOptions,
} from "../infrastructure-options.ts";
import type { CliIO } from "../io.ts";
import { resolvePath } from "../paths.ts";
import { describeWarning } from "../report-error.ts";

const FORMATS = ["table", "json", "markdown", "html"] as const;
type Format = (typeof FORMATS)[number];

interface CostOptions extends CommonOptions, InfrastructureFlags {
  usage?: string;
  format: string;
  compareTo?: string;
  currency: string;
  rates?: string;
  prices: string;
  check?: boolean;
}

/** `plinth cost`: the monthly cost of an environment, a diff against another version, and budget checks. */
export function registerCost(program: Command, io: CliIO, setExit: (code: number) => void): void {
  withInfrastructureOptions(withCommonOptions(program.command("cost")))
    .description("estimate the monthly cost of an environment (or compare two versions)")
    .argument(
      "[path]",
      "plinth.yaml, a directory of .tf files, a plan JSON or a CloudFormation template (default: --file)",
    )
    .option("--usage <file>", "usage estimates (Infracost-compatible usage file)")
    .option("--format <format>", "table, json, markdown or html", "table")
    .option("--compare-to <path>", "another version of the input to compare with")
    .option("--currency <code>", "report currency (needs --rates unless USD)", "USD")
    .option("--rates <file>", "exchange rates from USD (JSON)")
    .option("--prices <source>", "offline (bundled snapshot) or live (the clouds' price APIs)", "offline")
    .option("--check", "exit 2 when the environment's budget is exceeded")
    .action(async (path: string | undefined, options: CostOptions) => {
      const ctx = contextFor(io, options);
      const format = (ctx.json ? "json" : options.format) as Format;
      if (!FORMATS.includes(format))
        throw new InputError(`--format must be one of ${FORMATS.join(", ")}, not \`${options.format}\`.`);
      if (options.prices !== "offline" && options.prices !== "live") {
        throw new InputError(`--prices must be offline or live, not \`${options.prices}\`.`);
      }
      const rates: ExchangeRates | undefined = options.rates
        ? readRatesFile(resolvePath(io, options.rates).absolute, options.rates)
        : undefined;
      const rate = rateFor(rates, options.currency);

      const snapshot = SnapshotPrices.load();
      // The AWS SDK loads only for live prices: every other command starts without it.
      const prices: PriceSource =
        options.prices === "live"
          ? (await import("../../cost/prices/live-prices.ts")).livePriceSource(io.env, snapshot)
          : snapshot;
      const fileUsage = options.usage
        ? readUsageFile(resolvePath(io, options.usage).absolute, options.usage)
        : NO_USAGE;

      const estimate = async (where: string): Promise<{ input: CostInput; report: CostReport }> => {
        const target = resolvePath(io, where);
        const input = readCostInput(
          target.absolute,
          target.display,
          infrastructureOptions(io, options, target.display),
        );
        const specUsage = input.doc?.data.usage
          ? usageSet({
              resources: usageSection(input.doc.data.usage, ["usage"], input.doc.sources),
              types: {},
            })
          : NO_USAGE;
        const usage: UsageSet = layerUsage(specUsage, fileUsage);
        if (ctx.io.isTTY && !ctx.json && options.prices === "live")
          io.stderr(`Reading live prices for ${target.display}…\n`);
        const report = convertReport(
          await estimateCost(input.graphs, { prices, usage }),
          options.currency,
          rate,
        );
        return { input, report };
      };

      const { input, report } = await estimate(path ?? options.file);
      for (const warning of input.warnings) io.stderr(describeWarning(warning, ctx.style));
      let diff: CostDiff | undefined;
      if (options.compareTo) diff = diffReports((await estimate(options.compareTo)).report, report);

      let budget: BudgetCheck | undefined;
      if (options.check) {
        const limits =
          input.doc && input.env ? budgetFor(input.doc, input.env, options.currency, rates) : undefined;
        if (!limits)
          io.stderr(
            `${ctx.style.yellow("warning")}: no budget for this environment in plinth.yaml's budgets:, nothing to check.\n`,
          );
        else budget = checkBudget(report, limits, diff);
      }

      const output =
        format === "json"
          ? `${JSON.stringify({ ...report, ...(diff ? { diff } : {}), ...(budget ? { budget } : {}) }, null, 2)}\n`
          : format === "markdown"
            ? renderMarkdown(report, { title: input.title, ...(diff ? { diff } : {}) })
            : format === "html"
              ? renderHtml(report, { title: input.title, ...(diff ? { diff } : {}) })
              : renderTable(report, {
                  title: `Monthly cost of ${input.title}`,
                  style: ctx.style,
                  ...(diff ? { diff } : {}),
                });
      io.stdout(output);
      if (budget) {
        for (const v of budget.violations) io.stderr(`${ctx.style.red("budget")}: ${v.message}\n`);
        for (const u of budget.unchecked)
          io.stderr(`${ctx.style.yellow("warning")}: budget not fully checked: ${u}.\n`);
        if (budget.ok && !ctx.json) io.stderr(`${ctx.style.green("budget")}: within the budget.\n`);
      }
      setExit(budget && !budget.ok ? EXIT.attention : EXIT.ok);
    });
}
