import { type CloudFormationMapping, REF } from "../../cloudformation-mapping.ts";

export const secretsmanagerSecret: CloudFormationMapping = {
  type: "AWS::SecretsManager::Secret",
  properties: {
    name: "Name",
    description: "Description",
    kms_key_id: "KmsKeyId",
    // CloudFormation deletes secrets with Secrets Manager's default recovery window.
    recovery_window_in_days: () => ({}),
  },
  attributes: { id: REF, arn: REF, name: { property: "name" } },
};
