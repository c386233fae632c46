/** Engine defaults shared by every cloud's database lowering. */
export const DEFAULT_VERSION = { postgres: "16", mysql: "8.0" } as const;
export const PORT = { postgres: 5432, mysql: 3306 } as const;

/** The initial database's name: letters, digits and underscores, starting with a letter. */
export function databaseName(app: string): string {
  return app.replaceAll("-", "_").slice(0, 63);
}
