import { Ref, Template, type Value, VarRef } from "../value.ts";

/**
 * A boot script writing the VM's environment variables to /etc/plinth/env (systemd EnvironmentFile
 * format, `KEY=value` per line). Each line is one single-quoted printf argument, with `'` written
 * `'\''`, so no value can run a command; values cannot hold newlines (the spec schema refuses them).
 * Referenced values are filled in by the cloud at apply time.
 */
export function envScript(env: Record<string, Value>): Template | undefined {
  const entries = Object.entries(env).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (entries.length === 0) return undefined;
  const parts: Array<string | Ref | VarRef> = [
    "#!/bin/sh\nset -eu\numask 077\nmkdir -p /etc/plinth\n: > /etc/plinth/env\n",
  ];
  for (const [key, value] of entries) {
    parts.push(`printf '%s\\n' '${key}=`);
    for (const piece of value instanceof Template ? value.parts : [value]) {
      parts.push(
        piece instanceof Ref || piece instanceof VarRef ? piece : String(piece).replaceAll("'", "'\\''"),
      );
    }
    parts.push("' >> /etc/plinth/env\n");
  }
  const merged: Array<string | Ref | VarRef> = [];
  for (const part of parts) {
    const last = merged[merged.length - 1];
    if (typeof part === "string" && typeof last === "string") merged[merged.length - 1] = last + part;
    else merged.push(part);
  }
  return new Template(merged);
}
