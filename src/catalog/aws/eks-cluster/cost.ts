import { type CostFunction, hourly } from "../../cost-components.ts";

/** aws_eks_cluster: the control plane by the hour (standard Kubernetes version support). */
export const eksClusterCost: CostFunction = () => ({
  components: [hourly("EKS cluster", { service: "AmazonEKS", key: "cluster-hour" })],
});
