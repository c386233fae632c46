/** The cost report: what `plinth cost --json` prints (schemas/cli/cost.schema.json). */

export interface CostComponent {
  name: string;
  unit: string;
  /** null: depends on usage that no usage file gave. */
  monthlyQuantity: number | null;
  /** In the report's currency per `unit`; null when the price is missing. */
  unitPrice: number | null;
  /** null when the quantity depends on usage or the price is missing. */
  monthlyCost: number | null;
  usageBased: boolean;
  /** An assumption made, or why the price is missing. */
  note?: string;
}

export interface SubresourceCost {
  name: string;
  monthlyCost: number;
  components: CostComponent[];
  subresources: SubresourceCost[];
}

export interface ResourceCost {
  address: string;
  type: string;
  region: string;
  /** The sum of the lines with a cost (lines without one say why). */
  monthlyCost: number;
  components: CostComponent[];
  subresources: SubresourceCost[];
}

export interface NamedResource {
  address: string;
  type: string;
}

export interface UnpricedResource extends NamedResource {
  reason: string;
}

export interface CostReport {
  currency: string;
  /** Date of the prices (the snapshot's date, or the day live prices were read). */
  asOf: string;
  /** `snapshot` or the live sources used. */
  prices: string;
  totalMonthlyCost: number;
  /** Provisioned capacity: what the resources cost with no usage. */
  baselineMonthlyCost: number;
  /** Usage-based lines with quantities from usage. */
  usageMonthlyCost: number;
  resources: ResourceCost[];
  free: NamedResource[];
  unpriced: UnpricedResource[];
  /** Lines whose price is missing (each says so in its note). */
  missingPrices: number;
  /** Lines that depend on usage no usage file gave. */
  usageUnknown: number;
}
