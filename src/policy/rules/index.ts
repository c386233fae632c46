import type { Rule } from "../rule.ts";
import { rule as aws001 } from "./aws/plinth-aws-001.ts";
import { rule as aws002 } from "./aws/plinth-aws-002.ts";
import { rule as aws003 } from "./aws/plinth-aws-003.ts";
import { rule as aws004 } from "./aws/plinth-aws-004.ts";
import { rule as aws005 } from "./aws/plinth-aws-005.ts";
import { rule as aws006 } from "./aws/plinth-aws-006.ts";
import { rule as aws007 } from "./aws/plinth-aws-007.ts";
import { rule as aws008 } from "./aws/plinth-aws-008.ts";
import { rule as aws009 } from "./aws/plinth-aws-009.ts";
import { rule as aws010 } from "./aws/plinth-aws-010.ts";
import { rule as aws011 } from "./aws/plinth-aws-011.ts";
import { rule as aws012 } from "./aws/plinth-aws-012.ts";
import { rule as aws013 } from "./aws/plinth-aws-013.ts";
import { rule as aws014 } from "./aws/plinth-aws-014.ts";
import { rule as aws015 } from "./aws/plinth-aws-015.ts";
import { rule as aws016 } from "./aws/plinth-aws-016.ts";
import { rule as aws017 } from "./aws/plinth-aws-017.ts";
import { rule as aws018 } from "./aws/plinth-aws-018.ts";
import { rule as aws019 } from "./aws/plinth-aws-019.ts";
import { rule as aws020 } from "./aws/plinth-aws-020.ts";
import { rule as aws021 } from "./aws/plinth-aws-021.ts";
import { rule as aws022 } from "./aws/plinth-aws-022.ts";
import { rule as aws023 } from "./aws/plinth-aws-023.ts";
import { rule as aws024 } from "./aws/plinth-aws-024.ts";
import { rule as aws025 } from "./aws/plinth-aws-025.ts";
import { rule as aws026 } from "./aws/plinth-aws-026.ts";
import { rule as aws027 } from "./aws/plinth-aws-027.ts";
import { rule as aws028 } from "./aws/plinth-aws-028.ts";
import { rule as aws029 } from "./aws/plinth-aws-029.ts";
import { rule as aws030 } from "./aws/plinth-aws-030.ts";
import { rule as aws031 } from "./aws/plinth-aws-031.ts";
import { rule as aws032 } from "./aws/plinth-aws-032.ts";
import { rule as aws033 } from "./aws/plinth-aws-033.ts";
import { rule as aws034 } from "./aws/plinth-aws-034.ts";
import { rule as aws035 } from "./aws/plinth-aws-035.ts";
import { rule as aws036 } from "./aws/plinth-aws-036.ts";
import { rule as aws037 } from "./aws/plinth-aws-037.ts";
import { rule as aws038 } from "./aws/plinth-aws-038.ts";
import { rule as aws039 } from "./aws/plinth-aws-039.ts";
import { rule as aws040 } from "./aws/plinth-aws-040.ts";
import { rule as aws041 } from "./aws/plinth-aws-041.ts";
import { rule as aws042 } from "./aws/plinth-aws-042.ts";
import { rule as aws043 } from "./aws/plinth-aws-043.ts";
import { rule as aws044 } from "./aws/plinth-aws-044.ts";
import { rule as azure001 } from "./azure/plinth-azure-001.ts";
import { rule as azure002 } from "./azure/plinth-azure-002.ts";
import { rule as azure003 } from "./azure/plinth-azure-003.ts";
import { rule as azure004 } from "./azure/plinth-azure-004.ts";
import { rule as azure005 } from "./azure/plinth-azure-005.ts";
import { rule as azure006 } from "./azure/plinth-azure-006.ts";
import { rule as azure007 } from "./azure/plinth-azure-007.ts";
import { rule as azure008 } from "./azure/plinth-azure-008.ts";
import { rule as azure009 } from "./azure/plinth-azure-009.ts";
import { rule as azure010 } from "./azure/plinth-azure-010.ts";
import { rule as azure011 } from "./azure/plinth-azure-011.ts";
import { rule as azure012 } from "./azure/plinth-azure-012.ts";
import { rule as azure013 } from "./azure/plinth-azure-013.ts";
import { rule as azure014 } from "./azure/plinth-azure-014.ts";
import { rule as azure015 } from "./azure/plinth-azure-015.ts";
import { rule as azure016 } from "./azure/plinth-azure-016.ts";
import { rule as azure017 } from "./azure/plinth-azure-017.ts";
import { rule as azure018 } from "./azure/plinth-azure-018.ts";
import { rule as azure019 } from "./azure/plinth-azure-019.ts";
import { rule as azure020 } from "./azure/plinth-azure-020.ts";
import { rule as gcp001 } from "./gcp/plinth-gcp-001.ts";
import { rule as gcp002 } from "./gcp/plinth-gcp-002.ts";
import { rule as gcp003 } from "./gcp/plinth-gcp-003.ts";
import { rule as gcp004 } from "./gcp/plinth-gcp-004.ts";
import { rule as gcp005 } from "./gcp/plinth-gcp-005.ts";
import { rule as gcp006 } from "./gcp/plinth-gcp-006.ts";
import { rule as gcp007 } from "./gcp/plinth-gcp-007.ts";
import { rule as gcp008 } from "./gcp/plinth-gcp-008.ts";
import { rule as gcp009 } from "./gcp/plinth-gcp-009.ts";
import { rule as gcp010 } from "./gcp/plinth-gcp-010.ts";
import { rule as gcp011 } from "./gcp/plinth-gcp-011.ts";
import { rule as gcp012 } from "./gcp/plinth-gcp-012.ts";
import { rule as gcp013 } from "./gcp/plinth-gcp-013.ts";
import { rule as gcp014 } from "./gcp/plinth-gcp-014.ts";
import { rule as gcp015 } from "./gcp/plinth-gcp-015.ts";
import { rule as gcp016 } from "./gcp/plinth-gcp-016.ts";
import { rule as gcp017 } from "./gcp/plinth-gcp-017.ts";
import { rule as gcp018 } from "./gcp/plinth-gcp-018.ts";
import { rule as gcp019 } from "./gcp/plinth-gcp-019.ts";
import { rule as gcp020 } from "./gcp/plinth-gcp-020.ts";
import { rule as gcp021 } from "./gcp/plinth-gcp-021.ts";
import { rule as gcp022 } from "./gcp/plinth-gcp-022.ts";

/** Every built-in rule, in id order. Adding a rule: one file in rules/<cloud>/ and one line here. */
export const BUILT_IN_RULES: ReadonlyArray<Rule> = [
  aws001,
  aws002,
  aws003,
  aws004,
  aws005,
  aws006,
  aws007,
  aws008,
  aws009,
  aws010,
  aws011,
  aws012,
  aws013,
  aws014,
  aws015,
  aws016,
  aws017,
  aws018,
  aws019,
  aws020,
  aws021,
  aws022,
  aws023,
  aws024,
  aws025,
  aws026,
  aws027,
  aws028,
  aws029,
  aws030,
  aws031,
  aws032,
  aws033,
  aws034,
  aws035,
  aws036,
  aws037,
  aws038,
  aws039,
  aws040,
  aws041,
  aws042,
  aws043,
  aws044,
  gcp001,
  gcp002,
  gcp003,
  gcp004,
  gcp005,
  gcp006,
  gcp007,
  gcp008,
  gcp009,
  gcp010,
  gcp011,
  gcp012,
  gcp013,
  gcp014,
  gcp015,
  gcp016,
  gcp017,
  gcp018,
  gcp019,
  gcp020,
  gcp021,
  gcp022,
  azure001,
  azure002,
  azure003,
  azure004,
  azure005,
  azure006,
  azure007,
  azure008,
  azure009,
  azure010,
  azure011,
  azure012,
  azure013,
  azure014,
  azure015,
  azure016,
  azure017,
  azure018,
  azure019,
  azure020,
];
