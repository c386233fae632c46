import { existsSync, readdirSync, statSync } from "node:fs";
import { basename, extname, join } from "node:path";
import { InputError } from "../errors.ts";
import { readSourceFile } from "./read-source-file.ts";

/** What an input path holds. */
export type InfrastructureKind = "plinth" | "terraform" | "terraform-plan" | "cloudformation";

export interface DetectedInput {
  kind: InfrastructureKind;
  /** The file's text, when the path is a file (read once, here). */
  text?: string;
  /** The file read, when the path is a directory holding a plinth.yaml and no .tf files. */
  file?: string;
}

const YAML_EXTENSIONS = new Set([".yaml", ".yml"]);
const TEMPLATE_EXTENSIONS = new Set([".json", ".yaml", ".yml", ".template", ".cfn"]);

/**
 * Tells a Terraform directory, a plan JSON, a CloudFormation template and a plinth.yaml apart by
 * looking at the path and the top of the document, never by trying each reader in turn.
 */
export function detectInput(path: string, display: string): DetectedInput {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch {
    throw new InputError(`Nothing to read at ${display}: no such file or directory.`, {
      hint: "Pass a plinth.yaml, a directory of .tf files, a plan JSON or a CloudFormation template.",
    });
  }
  if (isDirectory) {
    // An application's directory: its plinth.yaml, unless Terraform files sit beside it.
    const spec = join(path, "plinth.yaml");
    if (!hasTerraformFiles(path) && existsSync(spec)) {
      return { kind: "plinth", text: readSourceFile(spec, join(display, "plinth.yaml")), file: spec };
    }
    return { kind: "terraform" };
  }
  const extension = extname(path).toLowerCase();
  if (isTerraformFile(basename(path))) return { kind: "terraform" };
  const text = readSourceFile(path, display);
  const head = text.trimStart();
  if (head.startsWith("{") || extension === ".json") {
    if (/"format_version"\s*:/.test(text) && /"(planned_values|resource_changes|prior_state)"\s*:/.test(text))
      return { kind: "terraform-plan", text };
    if (/"(Resources|AWSTemplateFormatVersion)"\s*:/.test(text)) return { kind: "cloudformation", text };
    throw new InputError(
      `${display} is JSON but neither a Terraform plan (\`terraform show -json\`) nor a CloudFormation template.`,
    );
  }
  if (YAML_EXTENSIONS.has(extension) || TEMPLATE_EXTENSIONS.has(extension)) {
    if (/^apiVersion:\s*["']?plinth\//m.test(text)) return { kind: "plinth", text };
    if (/^(Resources|AWSTemplateFormatVersion)\s*:/m.test(text)) return { kind: "cloudformation", text };
  }
  throw new InputError(
    `${display} is not something plinth reads: expected a plinth.yaml, a directory of .tf files, a Terraform plan JSON or a CloudFormation template.`,
  );
}

/** A Terraform configuration file: `.tf` (native syntax) or `.tf.json` (JSON syntax). */
export function isTerraformFile(name: string): boolean {
  return name.endsWith(".tf") || name.endsWith(".tf.json");
}

/** Whether a directory holds Terraform files directly (not in subdirectories). */
export function hasTerraformFiles(directory: string): boolean {
  try {
    return readdirSync(directory).some(isTerraformFile);
  } catch {
    return false;
  }
}
