import { formatLocation, type SourceLocation, SpecError } from "../errors.ts";

export interface Diagnostic {
  severity: "error" | "warning";
  message: string;
  location: SourceLocation;
  hint?: string;
}

/** plinth.yaml failed validation; `diagnostics` holds every problem found, errors first, in file order. */
export class InvalidSpecError extends SpecError {
  override name = "InvalidSpecError";
  readonly diagnostics: Diagnostic[];

  constructor(diagnostics: Diagnostic[]) {
    const errors = sortDiagnostics(diagnostics.filter((d) => d.severity === "error"));
    const first = errors[0] as Diagnostic;
    super(first.message, { location: first.location, hint: first.hint });
    this.diagnostics = errors;
  }
}

/** Collects problems while checking, then throws them all at once. */
export class DiagnosticBag {
  readonly items: Diagnostic[] = [];

  error(message: string, location: SourceLocation, hint?: string): void {
    this.items.push({ severity: "error", message, location, ...(hint ? { hint } : {}) });
  }

  warn(message: string, location: SourceLocation, hint?: string): void {
    this.items.push({ severity: "warning", message, location, ...(hint ? { hint } : {}) });
  }

  /** Adopts the problems of a SpecError thrown by a lower layer. */
  add(error: SpecError): void {
    if (error instanceof InvalidSpecError) this.items.push(...error.diagnostics);
    else this.error(error.message, error.location ?? { file: "plinth.yaml", line: 1, col: 1 }, error.hint);
  }

  get warnings(): Diagnostic[] {
    return sortDiagnostics(this.items.filter((d) => d.severity === "warning"));
  }

  throwIfErrors(): void {
    if (this.items.some((d) => d.severity === "error")) throw new InvalidSpecError(this.items);
  }
}

export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return [...diagnostics]
    .sort(
      (a, b) =>
        a.location.file.localeCompare(b.location.file) ||
        a.location.line - b.location.line ||
        a.location.col - b.location.col,
    )
    .filter((d) => {
      const key = `${formatLocation(d.location)} ${d.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

export function describeDiagnostic(d: Diagnostic): string {
  return `${formatLocation(d.location)}: ${d.message}${d.hint ? ` ${d.hint}` : ""}`;
}
