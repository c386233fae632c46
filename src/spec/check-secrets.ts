import type { DiagnosticBag } from "./diagnostics.ts";
import type { SpecValue } from "./expressions.ts";
import type { SourceMap } from "./source-map.ts";
import type { Component } from "./types.ts";

/** Names that hold credentials; a literal value under one of them is a secret written in clear. */
const SECRET_NAME = /(pass(word|wd)?|secret|token|api_?key|private_?key|credential|connection_?string)s?$/i;

/** No literal secret in plinth.yaml: secret-looking VM variables and native arguments must be references. */
export function checkSecretsInClear(components: Component[], sources: SourceMap, bag: DiagnosticBag): void {
  for (const component of components) {
    const entries: Array<[string, SpecValue, string]> =
      component.type === "vm"
        ? Object.entries(component.props.env ?? {}).map(([k, v]) => [k, v, `${component.pointer}/env/${k}`])
        : component.type === "native"
          ? Object.entries(component.props.properties ?? {}).map(([k, v]) => [
              k,
              v,
              `${component.pointer}/properties/${k}`,
            ])
          : [];
    for (const [name, value, pointer] of entries) {
      if (typeof value === "string" && value !== "" && SECRET_NAME.test(name)) {
        bag.error(
          `\`${name}\` in component \`${component.name}\` looks like a secret written in clear.`,
          sources.value(pointer),
          "Declare a `secret` component and reference it (`${name.id}`); set its value in the cloud's secret store.",
        );
      }
    }
  }
}
