/** Google Cloud cost modules by Terraform type, and the types Google does not charge for. */
import type { ResourceNode } from "../../model/graph.ts";
import type { CostRegistry } from "../cost-components.ts";
import { cloudRunServiceCost } from "./cloud-run-service/cost.ts";
import { computeAddressCost } from "./compute-address/cost.ts";
import { computeDiskCost } from "./compute-disk/cost.ts";
import { computeInstanceCost } from "./compute-instance/cost.ts";
import { computeRouterNatCost } from "./compute-router-nat/cost.ts";
import { containerClusterCost } from "./container-cluster/cost.ts";
import { containerNodePoolCost } from "./container-node-pool/cost.ts";
import { redisInstanceCost } from "./redis-instance/cost.ts";
import { sqlDatabaseInstanceCost } from "./sql-database-instance/cost.ts";
import { storageBucketCost } from "./storage-bucket/cost.ts";

/** A resource's region from its own `region`, its `zone` (`us-central1-a`), or a regional `location`. */
function regionOf(node: ResourceNode): string | undefined {
  const { region, zone, location } = node.properties;
  if (typeof region === "string" && region) return region;
  if (typeof zone === "string" && /-[a-z]$/.test(zone)) return zone.slice(0, -2);
  if (typeof location === "string" && location) {
    const lower = location.toLowerCase();
    return /-[a-z]$/.test(lower) ? lower.slice(0, -2) : lower;
  }
  return undefined;
}

export const GCP_COSTS: CostRegistry = {
  defaultRegion: "us-central1",
  regionOf,
  priced: {
    google_compute_instance: computeInstanceCost,
    google_compute_disk: computeDiskCost,
    google_compute_region_disk: computeDiskCost,
    google_storage_bucket: storageBucketCost,
    google_sql_database_instance: sqlDatabaseInstanceCost,
    google_compute_router_nat: computeRouterNatCost,
    google_compute_address: computeAddressCost,
    google_compute_global_address: computeAddressCost,
    google_container_cluster: containerClusterCost,
    google_container_node_pool: containerNodePoolCost,
    google_redis_instance: redisInstanceCost,
    google_cloud_run_service: cloudRunServiceCost,
    google_cloud_run_v2_service: cloudRunServiceCost,
  },
  free: new Set([
    "google_compute_firewall",
    "google_compute_network",
    "google_compute_route",
    "google_compute_router",
    "google_compute_subnetwork",
    "google_project_iam_binding",
    "google_project_iam_member",
    "google_project_iam_policy",
    "google_project_service",
    "google_service_account",
    "google_service_account_iam_binding",
    "google_service_account_iam_member",
    "google_service_account_key",
    "google_service_networking_connection",
    "google_sql_database",
    "google_sql_user",
    "google_storage_bucket_iam_binding",
    "google_storage_bucket_iam_member",
    "google_cloud_run_service_iam_member",
    "google_cloud_run_v2_service_iam_member",
    "google_pubsub_subscription_iam_member",
    "google_pubsub_topic_iam_member",
    "google_secret_manager_secret_iam_member",
  ]),
};
