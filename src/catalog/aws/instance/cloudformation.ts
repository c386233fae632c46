import { Encoded, type Value } from "../../../model/value.ts";
import { type CloudFormationMapping, getAtt, REF, single } from "../../cloudformation-mapping.ts";

/** Amazon Linux and most Linux images name their root volume so; CloudFormation needs the name. */
const ROOT_DEVICE = "/dev/xvda";

export const instance: CloudFormationMapping = {
  type: "AWS::EC2::Instance",
  properties: {
    // EC2 resolves `resolve:ssm:` image IDs itself; CloudFormation does it with a dynamic reference.
    ami: (value) => ({
      ImageId: typeof value === "string" && value.startsWith("resolve:ssm:") ? `{{${value}}}` : value,
    }),
    instance_type: "InstanceType",
    subnet_id: "SubnetId",
    vpc_security_group_ids: "SecurityGroupIds",
    iam_instance_profile: "IamInstanceProfile",
    key_name: "KeyName",
    // A subnet without public IPs on launch (plinth's) gives none; CloudFormation can only say it per
    // network interface, which would move SubnetId and SecurityGroupIds there too.
    associate_public_ip_address: () => ({}),
    monitoring: "Monitoring",
    ebs_optimized: "EbsOptimized",
    metadata_options: (value) => {
      const options = single(value);
      return {
        MetadataOptions: {
          ...(options.http_endpoint !== undefined ? { HttpEndpoint: options.http_endpoint } : {}),
          ...(options.http_tokens !== undefined ? { HttpTokens: options.http_tokens } : {}),
          ...(options.http_put_response_hop_limit !== undefined
            ? { HttpPutResponseHopLimit: options.http_put_response_hop_limit }
            : {}),
        },
      };
    },
    root_block_device: (value) => {
      const disk = single(value);
      const ebs: Record<string, Value> = {};
      if (disk.volume_type !== undefined) ebs.VolumeType = disk.volume_type;
      if (disk.volume_size !== undefined) ebs.VolumeSize = disk.volume_size;
      if (disk.encrypted !== undefined) ebs.Encrypted = disk.encrypted;
      if (disk.delete_on_termination !== undefined) ebs.DeleteOnTermination = disk.delete_on_termination;
      return { BlockDeviceMappings: [{ DeviceName: ROOT_DEVICE, Ebs: ebs }] };
    },
    user_data: (value) => ({ UserData: new Encoded("base64", value) }),
    // A changed UserData stops and starts the instance in CloudFormation rather than replacing it.
    user_data_replace_on_change: () => ({}),
  },
  attributes: {
    id: REF,
    private_ip: getAtt("PrivateIp"),
    public_ip: getAtt("PublicIp"),
    availability_zone: getAtt("AvailabilityZone"),
  },
};
