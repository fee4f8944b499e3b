// SPDX-License-Identifier: AGPL-3.0-or-later
// The site collection of a classical run: engine/input/sites.ts when it is available, else a
// minimal reader for `sites = ...` and header-less `sites_csv` files with the reference site
// parameters (enough for the QA cases that have no site model).
import type { OqParam } from "../input/oqparam.ts";
import type { SiteColumns } from "../context.ts";
import { InputError } from "../input/errors.ts";

export interface Sites extends SiteColumns {
  custom_site_id?: string[];
}

const SITES_MODULE = "../input/sites.ts";

export async function loadSites(oq: OqParam): Promise<Sites> {
  let mod: { readSites?: (oq: OqParam) => Sites | Promise<Sites> } | null = null;
  try {
    mod = await import(new URL(SITES_MODULE, import.meta.url).href);
  } catch (e) {
    if (!(e instanceof TypeError) && !String(e).includes("Module not found")) throw e;
  }
  if (mod?.readSites) return await mod.readSites(oq);
  return referenceSites(oq);
}

function referenceSites(oq: OqParam): Sites {
  let coords: number[][] = [];
  if (oq.sites) coords = oq.sites;
  else {
    const sm = oq.inputs.site_model ?? oq.inputs.sites;
    const files: string[] = Array.isArray(sm) ? sm : sm ? [sm] : [];
    for (const f of files) {
      for (const line of Deno.readTextFileSync(f).split(/\r?\n/)) {
        const t = line.trim();
        if (!t || t.startsWith("#") || /[a-df-zA-DF-Z]/.test(t)) continue; // skip headers
        const c = t.split(/[,\s]+/).map(Number);
        coords.push([c[0], c[1], c[2] ?? 0]);
      }
    }
    // OpenQuake sorts the coordinates of a sites_csv (get_poor_site_model)
    coords.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
  }
  if (!coords.length) throw new Error("no sites: give `sites`, `sites_csv` or a site model");
  if (Number.isNaN(oq.reference_vs30_value)) {
    throw new InputError(
      oq.inputs.job_ini,
      undefined,
      "reference_vs30_value",
      "reference_vs30_value not specified",
    );
  }
  const n = coords.length;
  const col = (v: number) => new Float64Array(n).fill(v);
  return {
    n,
    lon: Float64Array.from(coords, (c) => c[0]),
    lat: Float64Array.from(coords, (c) => c[1]),
    depth: Float64Array.from(coords, (c) => c[2] ?? 0),
    vs30: col(oq.reference_vs30_value),
    vs30measured: col(oq.reference_vs30_type === "measured" ? 1 : 0),
    z1pt0: col(oq.reference_depth_to_1pt0km_per_sec),
    z2pt5: col(oq.reference_depth_to_2pt5km_per_sec),
    backarc: col(Number(oq.reference_backarc ?? 0)),
  };
}
