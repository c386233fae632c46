import { type CloudFormationMapping, parameterBlocks, tags } from "../type-mapping.ts";

export const rdsDbSubnetGroup: CloudFormationMapping = {
  cloudFormationType: "AWS::RDS::DBSubnetGroup",
  main: {
    terraformType: "aws_db_subnet_group",
    rules: [
      ["DBSubnetGroupName", "name"],
      ["DBSubnetGroupDescription", "description"],
      ["SubnetIds", "subnet_ids"],
      ["Tags", "tags", tags],
    ],
  },
  ref: "name",
};

export const rdsDbParameterGroup: CloudFormationMapping = {
  cloudFormationType: "AWS::RDS::DBParameterGroup",
  main: {
    terraformType: "aws_db_parameter_group",
    rules: [
      ["DBParameterGroupName", "name"],
      ["Family", "family"],
      ["Description", "description"],
      ["Parameters", "parameter", parameterBlocks],
      ["Tags", "tags", tags],
    ],
  },
  ref: "name",
};

export const rdsDbClusterParameterGroup: CloudFormationMapping = {
  cloudFormationType: "AWS::RDS::DBClusterParameterGroup",
  main: {
    terraformType: "aws_rds_cluster_parameter_group",
    rules: [
      ["DBClusterParameterGroupName", "name"],
      ["Family", "family"],
      ["Description", "description"],
      ["Parameters", "parameter", parameterBlocks],
      ["Tags", "tags", tags],
    ],
  },
  ref: "name",
};
