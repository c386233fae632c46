import { gunzipSync } from "node:zlib";
import { loadPolicy } from "@open-policy-agent/opa-wasm";
import { InputError } from "../../errors.ts";
import type { PolicyInput } from "../check-policy.ts";
import type { PolicyResult } from "../types.ts";
import { findingsFrom, opaInput } from "./opa-input.ts";

const MAX_BUNDLE_BYTES = 64 * 1024 * 1024;

/** The parts of `opa build -t wasm` output plinth needs. */
export interface WasmBundle {
  wasm: Uint8Array;
  data: object;
}

/**
 * Reads a bundle built by `opa build -t wasm -e plinth/deny …` (bundle.tar.gz with /policy.wasm and
 * optionally /data.json), or a bare policy.wasm.
 */
export function readWasmBundle(bytes: Uint8Array, display: string): WasmBundle {
  if (bytes.length > MAX_BUNDLE_BYTES)
    throw new InputError(`${display} is larger than 64 MiB; it is not an OPA bundle plinth will load.`);
  if (isWasm(bytes)) return { wasm: bytes, data: {} };
  let tar: Uint8Array;
  try {
    tar = gunzipSync(bytes, { maxOutputLength: MAX_BUNDLE_BYTES });
  } catch {
    throw new InputError(`${display} is neither a .wasm module nor a gzipped OPA bundle.`, {
      hint: "Build one with: opa build -t wasm -e plinth/deny policy/",
    });
  }
  const files = untar(tar);
  const wasm = files.get("policy.wasm");
  if (!wasm || !isWasm(wasm))
    throw new InputError(`${display} has no policy.wasm.`, {
      hint: "Build it with `opa build -t wasm -e <entrypoint>`.",
    });
  const dataText = files.get("data.json");
  let data: object = {};
  if (dataText) {
    try {
      data = JSON.parse(new TextDecoder().decode(dataText)) as object;
    } catch {
      throw new InputError(`${display}: data.json is not valid JSON.`);
    }
  }
  return { wasm, data };
}

/** Evaluates one entrypoint of a wasm-compiled policy in-process. */
export async function evaluateWithOpaWasm(
  inputs: ReadonlyArray<PolicyInput>,
  bundle: WasmBundle,
  options: { entrypoint: string; display: string },
): Promise<PolicyResult[]> {
  let policy: Awaited<ReturnType<typeof loadPolicy>>;
  try {
    policy = await loadPolicy(bundle.wasm);
  } catch (error) {
    throw new InputError(
      `${options.display} could not be loaded as an OPA policy: ${error instanceof Error ? error.message : String(error)}.`,
    );
  }
  policy.setData(bundle.data);
  const entrypoints = Object.keys((policy.entrypoints ?? {}) as Record<string, number>);
  const entrypoint = options.entrypoint.replace(/^data[./]/, "").replace(/\./g, "/");
  if (!entrypoints.includes(entrypoint))
    throw new InputError(
      `${options.display} has no entrypoint \`${entrypoint}\`; it has ${entrypoints.join(", ") || "none"}.`,
      { hint: "Name one with --opa-query." },
    );
  const [first] = policy.evaluate(opaInput(inputs), entrypoint) as Array<{ result?: unknown }>;
  return findingsFrom(first?.result, inputs, `${options.display}:${entrypoint}`);
}

function isWasm(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0 && bytes[1] === 0x61 && bytes[2] === 0x73 && bytes[3] === 0x6d;
}

/** The regular files of a ustar archive by name (leading `/` and `./` removed). */
export function untar(tar: Uint8Array): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  const decoder = new TextDecoder();
  let offset = 0;
  while (offset + 512 <= tar.length) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) break;
    const field = (start: number, length: number) =>
      decoder.decode(header.subarray(start, start + length)).replace(/\0.*$/s, "");
    const prefix = field(345, 155);
    const name = (prefix ? `${prefix}/` : "") + field(0, 100);
    const size = Number.parseInt(field(124, 12).trim() || "0", 8);
    const type = field(156, 1);
    if (!Number.isFinite(size) || size < 0 || offset + 512 + size > tar.length)
      throw new InputError("The OPA bundle's tar archive is truncated or corrupt.");
    if (type === "0" || type === "")
      files.set(name.replace(/^\.?\//, ""), tar.subarray(offset + 512, offset + 512 + size));
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return files;
}
