import { createHash } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { DeliveryLog } from "./github-webhook.ts";

/** Delivery ids as empty files (`.plinth/deliveries/`); creating one with `wx` is the atomic check. */
export class LocalDeliveryLog implements DeliveryLog {
  readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
  }

  async remember(deliveryId: string): Promise<boolean> {
    await mkdir(this.dir, { recursive: true });
    // Hashed: a delivery id is attacker-chosen text and never becomes a path.
    const name = createHash("sha256").update(deliveryId).digest("hex");
    try {
      await writeFile(join(this.dir, name), "", { flag: "wx" });
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
      throw error;
    }
  }
}
