import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const TERRAFORM = "/usr/local/bin/terraform";

/**
 * Runs the Terraform binary offline and quietly: an empty CLI config, no update checks. Fails loudly
 * when the binary is missing: the validity tests never skip.
 */
export function terraform(
  args: string[],
  cwd: string,
  input?: string,
): { code: number; stdout: string; stderr: string } {
  if (!existsSync(TERRAFORM))
    throw new Error(`${TERRAFORM} is missing; the Terraform validity tests need Terraform 1.11`);
  const config = join(tmpdir(), "plinth-empty.tfrc");
  if (!existsSync(config)) writeFileSync(config, "");
  const result = spawnSync(TERRAFORM, args, {
    cwd,
    input,
    encoding: "utf8",
    env: { ...process.env, TF_CLI_CONFIG_FILE: config, CHECKPOINT_DISABLE: "1", TF_IN_AUTOMATION: "1" },
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

export function terraformVersion(): string {
  return execFileSync(TERRAFORM, ["version"], { encoding: "utf8" });
}
