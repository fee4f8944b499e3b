// SPDX-License-Identifier: AGPL-3.0-or-later
// NRML geometry elements -> SurfaceGeometry specs (coordinates validated as OpenQuake does).
import type {
  ComplexFaultGeometry,
  KiteSurfaceGeometry,
  PlanarSurfaceGeometry,
  Point,
  SimpleFaultGeometry,
  SurfaceGeometry,
} from "../../source/spec.ts";
import { child, floatAttr, floatChild, nodeError, path, toFloats, type XmlNode } from "./xml.ts";

const EARTH_RADIUS = 6371.0;

function checkLonLat(lon: number, lat: number, node: XmlNode, field: string) {
  if (!(lon >= -180 && lon <= 180)) {
    throw nodeError(node, field, `longitude ${lon} is out of range [-180, 180]`);
  }
  if (!(lat >= -90 && lat <= 90)) {
    throw nodeError(node, field, `latitude ${lat} is out of range [-90, 90]`);
  }
}

/** `lon lat lon lat ...` -> [[lon, lat], ...] */
export function coords2d(node: XmlNode, field = "posList"): Point[] {
  const xs = toFloats(node.text, node, field);
  if (xs.length % 2) {
    throw nodeError(node, field, `odd number of coordinates (${xs.length}) in a 2D list`);
  }
  const out: Point[] = [];
  for (let i = 0; i < xs.length; i += 2) {
    checkLonLat(xs[i], xs[i + 1], node, field);
    out.push([xs[i], xs[i + 1]]);
  }
  return out;
}

/** `lon lat depth ...` -> [[lon, lat, depth], ...] */
export function coords3d(node: XmlNode, field = "posList"): Point[] {
  const xs = toFloats(node.text, node, field);
  if (xs.length % 3) {
    throw nodeError(node, field, `the number of coordinates (${xs.length}) is not a multiple of 3`);
  }
  const out: Point[] = [];
  for (let i = 0; i < xs.length; i += 3) {
    checkLonLat(xs[i], xs[i + 1], node, field);
    out.push([xs[i], xs[i + 1], xs[i + 2]]);
  }
  return out;
}

function checkDepths(usd: number, lsd: number, node: XmlNode) {
  if (!(usd >= -8.848)) {
    throw nodeError(node, "upperSeismoDepth", `upperSeismoDepth ${usd} is above -8.848 km`);
  }
  if (!(lsd > usd)) {
    throw nodeError(
      node,
      "lowerSeismoDepth",
      `lowerSeismoDepth ${lsd} must be greater than upperSeismoDepth ${usd}`,
    );
  }
}

export function checkDip(dip: number, node: XmlNode) {
  if (!(dip > 0 && dip <= 90)) throw nodeError(node, "dip", `dip ${dip} is out of range (0, 90]`);
}

export function parseSimpleFaultGeometry(node: XmlNode): SimpleFaultGeometry {
  const pos = path(node, "LineString", "posList");
  const trace = coords2d(pos);
  if (trace.length < 2) throw nodeError(pos, "posList", "a fault trace needs at least 2 points");
  const g: SimpleFaultGeometry = {
    kind: "simpleFaultGeometry",
    trace,
    dip: floatChild(node, "dip"),
    upperSeismoDepth: floatChild(node, "upperSeismoDepth"),
    lowerSeismoDepth: floatChild(node, "lowerSeismoDepth"),
  };
  checkDip(g.dip, child(node, "dip"));
  checkDepths(g.upperSeismoDepth, g.lowerSeismoDepth, node);
  return g;
}

/** Edges in document order: faultTopEdge, intermediateEdge*, faultBottomEdge. */
export function parseComplexFaultGeometry(node: XmlNode): ComplexFaultGeometry {
  const edgeNodes = node.children.filter((c) =>
    c.tag === "faultTopEdge" || c.tag === "intermediateEdge" || c.tag === "faultBottomEdge"
  );
  if (
    edgeNodes.length < 2 || edgeNodes[0].tag !== "faultTopEdge" ||
    edgeNodes.at(-1)!.tag !== "faultBottomEdge"
  ) {
    throw nodeError(
      node,
      "faultTopEdge",
      "complexFaultGeometry needs a faultTopEdge first and a faultBottomEdge last",
    );
  }
  const edges = edgeNodes.map((e) => {
    const pos = path(e, "LineString", "posList");
    const pts = coords3d(pos);
    if (pts.length < 2) throw nodeError(pos, e.tag, "an edge needs at least 2 points");
    return pts;
  });
  return { kind: "complexFaultGeometry", edges };
}

/** kiteSurface: <profile><gml:LineString><gml:posList> per profile, top to bottom. */
export function parseKiteSurface(node: XmlNode): KiteSurfaceGeometry {
  const profiles = node.children.filter((c) => c.tag === "profile").map((p) => {
    const pos = path(p, "LineString", "posList");
    const pts = coords3d(pos);
    if (pts.length < 2) throw nodeError(pos, "profile", "a profile needs at least 2 points");
    return pts;
  });
  if (profiles.length < 2) {
    throw nodeError(node, "profile", "a kiteSurface needs at least 2 profiles");
  }
  return { kind: "kiteSurface", profiles };
}

function corner(node: XmlNode, tag: string): Point {
  const c = child(node, tag);
  const p = [floatAttr(c, "lon"), floatAttr(c, "lat"), floatAttr(c, "depth")];
  checkLonLat(p[0], p[1], c, tag);
  return p;
}

const rad = (d: number) => d * Math.PI / 180;

/** Azimuth from point 1 to point 2 (degrees, [0, 360)), hazardlib's spherical formula. */
export function azimuth(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const [l1, p1, l2, p2] = [rad(lon1), rad(lat1), rad(lon2), rad(lat2)];
  const cosLat2 = Math.cos(p2);
  const tc = Math.atan2(
    Math.sin(l1 - l2) * cosLat2,
    Math.cos(p1) * Math.sin(p2) - Math.sin(p1) * cosLat2 * Math.cos(l1 - l2),
  ) * 180 / Math.PI;
  const az = (360 - tc) % 360;
  return az < 0 ? az + 360 : az;
}

/** Great-circle (haversine) distance in km. */
export function geodeticDistance(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const [l1, p1, l2, p2] = [rad(lon1), rad(lat1), rad(lon2), rad(lat2)];
  return 2 * EARTH_RADIUS * Math.asin(
    Math.sqrt(
      Math.sin((p1 - p2) / 2) ** 2 + Math.cos(p1) * Math.cos(p2) * Math.sin((l1 - l2) / 2) ** 2,
    ),
  );
}

/** planarSurface corners; strike and dip derived from them as hazardlib does. */
export function parsePlanarSurface(node: XmlNode): PlanarSurfaceGeometry {
  const topLeft = corner(node, "topLeft");
  const topRight = corner(node, "topRight");
  const bottomLeft = corner(node, "bottomLeft");
  const bottomRight = corner(node, "bottomRight");
  const strike = azimuth(topLeft[0], topLeft[1], topRight[0], topRight[1]);
  const h = geodeticDistance(topLeft[0], topLeft[1], bottomLeft[0], bottomLeft[1]);
  const v = bottomLeft[2] - topLeft[2];
  const dip = Math.asin(v / Math.sqrt(h * h + v * v)) * 180 / Math.PI;
  return { kind: "planarSurface", strike, dip, topLeft, topRight, bottomLeft, bottomRight };
}

/**
 * The children of a <surface> (characteristic sources) or the surface elements of a rupture:
 * one simple/complex fault geometry, one or more planar surfaces, one or more kite surfaces.
 */
export function parseSurfaces(nodes: XmlNode[], parent: XmlNode): SurfaceGeometry {
  if (!nodes.length) throw nodeError(parent, "surface", "no surface geometry");
  const first = nodes[0];
  const one = (g: SurfaceGeometry) => {
    if (nodes.length > 1) {
      throw nodeError(nodes[1], nodes[1].tag, `only one <${first.tag}> is allowed`);
    }
    return g;
  };
  switch (first.tag) {
    case "simpleFaultGeometry":
      return one(parseSimpleFaultGeometry(first));
    case "complexFaultGeometry":
      return one(parseComplexFaultGeometry(first));
    case "griddedSurface":
      throw nodeError(first, "griddedSurface", "griddedSurface is not supported");
    case "planarSurface":
    case "kiteSurface": {
      const parse = (n: XmlNode): SurfaceGeometry =>
        first.tag === "planarSurface" ? parsePlanarSurface(n) : parseKiteSurface(n);
      for (const n of nodes) {
        if (n.tag !== first.tag) {
          throw nodeError(n, n.tag, `cannot mix <${n.tag}> with <${first.tag}>`);
        }
      }
      const surfaces = nodes.map(parse);
      return surfaces.length === 1 ? surfaces[0] : { kind: "multiSurface", surfaces };
    }
    default:
      throw nodeError(first, first.tag, `unknown surface element <${first.tag}>`);
  }
}
