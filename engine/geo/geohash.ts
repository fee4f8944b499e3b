// SPDX-License-Identifier: AGPL-3.0-or-later
/**
 * Geohash of a (lon, lat) as OpenQuake computes it (hazardlib/geo/utils.py::geohash), used for
 * the default `custom_site_id`. Unlike the standard algorithm a value exactly on an interval
 * midpoint goes to the LOWER half (OpenQuake compares with a strict `>`), so (0, 0) gives
 * "7zzzzzzz" and not the standard "s0000000".
 */
const BASE32 = "0123456789bcdefghjkmnpqrstuvwxyz";

export function geohash(lon: number, lat: number, length = 8): string {
  let lonLo = -180, lonHi = 180, latLo = -90, latHi = 90;
  let out = "";
  let even = true;
  let bit = 0;
  let ch = 0;
  while (out.length < length) {
    if (even) {
      const mid = (lonLo + lonHi) / 2;
      if (lon > mid) {
        ch |= 16 >> bit;
        lonLo = mid;
      } else lonHi = mid;
    } else {
      const mid = (latLo + latHi) / 2;
      if (lat > mid) {
        ch |= 16 >> bit;
        latLo = mid;
      } else latHi = mid;
    }
    even = !even;
    if (bit < 4) bit++;
    else {
      out += BASE32[ch];
      bit = 0;
      ch = 0;
    }
  }
  return out;
}
