import type { BucketComponent } from "../../../spec/types.ts";
import type { Value } from "../../value.ts";
import type { LoweredComponent, LoweringContext } from "../context.ts";

/**
 * Cloud Storage bucket in the app's region: uniform bucket-level access (IAM only, no per-object ACLs),
 * public access prevention enforced unless `public: true`, object versioning, and an optional expiry.
 * Encryption at rest with Google-managed keys is always on and needs no setting.
 *
 * A public bucket lets anyone read an object by its URL, but not list the bucket, as a public bucket does
 * on AWS and Azure: Storage Legacy Object Reader is the one role granting `storage.objects.get` alone.
 */
export function lowerGcpBucket(bucket: BucketComponent, ctx: LoweringContext): LoweredComponent {
  const isPublic = bucket.props.public ?? false;
  const address = ctx.add(bucket, "google_storage_bucket", ctx.localName(bucket), {
    name: ctx.physicalName(bucket, { max: 63 }),
    // The API returns locations uppercased; a lowercase one would show a change on every plan.
    location: ctx.region.toUpperCase(),
    storage_class: "STANDARD",
    uniform_bucket_level_access: true,
    // "inherited" admits the public grant below unless the organization policy enforces prevention, in
    // which case the grant fails at apply, as the organization wants.
    public_access_prevention: isPublic ? "inherited" : "enforced",
    force_destroy: bucket.props.forceDestroy ?? false,
    versioning: [{ enabled: bucket.props.versioning ?? true }],
    ...(bucket.props.expireAfterDays !== undefined
      ? { lifecycle_rule: lifecycleRules(bucket.props.expireAfterDays) }
      : {}),
  });
  if (isPublic) {
    ctx.add(bucket, "google_storage_bucket_iam_member", ctx.localName(bucket, "public_read"), {
      bucket: ctx.ref(address, "name"),
      role: "roles/storage.legacyObjectReader",
      member: "allUsers",
    });
  }

  return {
    attributes: {
      id: ctx.ref(address, "id"),
      name: ctx.ref(address, "name"),
      url: ctx.ref(address, "url"),
    },
  };
}

/** Objects, and the old versions versioning keeps, deleted after `days`; stale multipart uploads after 7. */
function lifecycleRules(days: number): Value[] {
  const rule = (type: string, condition: Record<string, Value>): Value => ({
    action: [{ type }],
    condition: [condition],
  });
  return [
    rule("Delete", { age: days }),
    rule("Delete", { days_since_noncurrent_time: days, with_state: "ARCHIVED" }),
    rule("AbortIncompleteMultipartUpload", { age: 7 }),
  ];
}
