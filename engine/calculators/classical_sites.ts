// SPDX-License-Identifier: AGPL-3.0-or-later
// The site collection of a classical run, as the context builder and the exporters see it:
// engine/input/sites.ts, with custom_site_id only where OpenQuake's site collection has it.
import type { SiteColumns } from "../context.ts";
import type { OqParam } from "../input/oqparam.ts";
import { readSites } from "../input/sites.ts";

export interface Sites extends SiteColumns {
  /** only when the site model gives custom ids (then the exporters write the column) */
  custom_site_id?: string[];
}

export function loadSites(oq: OqParam, reqSiteParams: Iterable<string> = []): Sites {
  const sc = readSites(oq, reqSiteParams);
  const { custom_site_id, has_custom_site_id, extra, ...cols } = sc;
  const out: Sites = { ...cols, ...extra };
  if (has_custom_site_id) out.custom_site_id = custom_site_id;
  return out;
}
