import { closeSync, existsSync, openSync, readSync, statSync } from "node:fs";
import { join } from "node:path";
import { InputError } from "../errors.ts";
import { buildGraph } from "../model/build-graph.ts";
import type { ResourceGraph } from "../model/graph.ts";
import type { Diagnostic } from "../spec/diagnostics.ts";
import { readSpecFile, type SpecDocument } from "../spec/load-spec.ts";

/** What `plinth cost` prices: the graphs of one input, and the spec when the input is a plinth.yaml. */
export interface CostInput {
  graphs: ResourceGraph[];
  /** `shop (prod, aws)` or the path. */
  title: string;
  doc?: SpecDocument;
  env?: string;
  warnings: Diagnostic[];
}

/** Whether a file is a plinth spec: YAML whose `apiVersion` is plinth's. */
function isPlinthSpec(path: string): boolean {
  if (!/\.ya?ml$/i.test(path)) return false;
  const fd = openSync(path, "r");
  try {
    const head = Buffer.alloc(64 * 1024);
    const read = readSync(fd, head, 0, head.length, 0);
    return /^apiVersion:\s*["']?plinth\//m.test(head.subarray(0, read).toString("utf8"));
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads the input of `plinth cost`: a plinth.yaml (or a directory holding one) for one environment.
 * Terraform directories, plan JSON and CloudFormation templates are read by src/ingest; until it is part
 * of the build they are refused with a clear message rather than half-read.
 */
export function readCostInput(path: string, display: string, env: string | undefined): CostInput {
  if (!existsSync(path)) {
    if (/^v?\d+$/.test(display)) {
      throw new InputError(
        `Comparing with applied version ${display} needs plinth's state store, which this build does not have yet.`,
        {
          hint: "Compare with another copy of the input instead: --compare-to PATH.",
        },
      );
    }
    throw new InputError(`Nothing to price at ${display}: no such file or directory.`);
  }
  let specPath = path;
  if (statSync(path).isDirectory()) {
    specPath = join(path, "plinth.yaml");
    if (!existsSync(specPath)) return ingestNotAvailable(display);
    display = join(display, "plinth.yaml");
  } else if (!isPlinthSpec(path)) return ingestNotAvailable(display);
  const doc = readSpecFile(specPath, display);
  const { graph, spec, warnings } = buildGraph(doc, { env });
  return { graphs: [graph], title: `${spec.app} (${spec.env}, ${spec.cloud})`, doc, env: spec.env, warnings };
}

function ingestNotAvailable(display: string): never {
  throw new InputError(
    `${display} is not a plinth.yaml, and this build of plinth cannot read Terraform or CloudFormation yet.`,
    {
      hint: "Price a plinth.yaml (or a directory holding one); Terraform and CloudFormation inputs arrive with plinth's ingest module.",
    },
  );
}
