import type { ResourceGraph } from "../../model/graph.ts";
import { armTemplate } from "./arm-model.ts";
import { writeArmParameters, writeArmTemplate } from "./write-arm.ts";
import { writeBicep } from "./write-bicep.ts";

/** azuredeploy.json and azuredeploy.parameters.json for an Azure environment. */
export function generateArm(graph: ResourceGraph): Map<string, string> {
  const template = armTemplate(graph);
  return new Map([
    ["azuredeploy.json", writeArmTemplate(template)],
    ["azuredeploy.parameters.json", writeArmParameters(template)],
  ]);
}

/** main.bicep (subscription scope) and resources.bicep for an Azure environment. */
export function generateBicep(graph: ResourceGraph, header: string): Map<string, string> {
  return writeBicep(armTemplate(graph), header);
}
