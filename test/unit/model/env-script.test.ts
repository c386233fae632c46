import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import fc from "fast-check";
import { envScript } from "../../../src/model/lower/env-script.ts";
import { Ref, Template } from "../../../src/model/value.ts";

/** Runs the boot script with /etc/plinth moved into a scratch directory. */
function runScript(script: string): string {
  const dir = mkdtempSync(join(tmpdir(), "plinth-env-"));
  execFileSync("sh", ["-c", script.replaceAll("/etc/plinth", dir)], { cwd: dir });
  return readFileSync(join(dir, "env"), "utf8");
}

test("the boot script writes each variable verbatim, whatever its characters", () => {
  const value = fc
    .string({ maxLength: 30 })
    .filter((s) => !["\n", "\r", "\u0000"].some((c) => s.includes(c)));
  fc.assert(
    fc.property(
      fc.dictionary(fc.stringMatching(/^[A-Z_][A-Z0-9_]{0,5}$/), value, { minKeys: 1, maxKeys: 4 }),
      (env) => {
        const script = envScript(env);
        assert.ok(script);
        const lines = Object.keys(env)
          .sort()
          .map((k) => `${k}=${env[k]}\n`)
          .join("");
        assert.equal(runScript(script.parts.join("")), lines);
      },
    ),
    { numRuns: 60 },
  );
});

test("a value cannot break out of its quotes to run a command", () => {
  const marker = join(tmpdir(), `plinth-pwned-${process.pid}`);
  const script = envScript({
    X: `'; touch ${marker}; echo '`,
    Y: `$(touch ${marker})`,
    Z: `\`touch ${marker}\``,
  });
  assert.ok(script);
  runScript(script.parts.join(""));
  assert.equal(existsSync(marker), false);
});

test("references stay references inside the script", () => {
  const script = envScript({
    DB: new Template(["postgres://", new Ref("aws_db_instance.db", ["address"]), "/app"]),
  });
  assert.ok(script?.parts.some((p) => p instanceof Ref && p.address === "aws_db_instance.db"));
  assert.equal(envScript({}), undefined);
});
