// A synthetic classical job for benchmarks: one area source over a square of `halfSize` degrees,
// truncated Gutenberg-Richter 5.0-7.5, two nodal planes, a region grid of sites, two GSIMs
// (BooreAtkinson2008 and the NGA-West2 BooreEtAl2014), PGA and SA(1.0) with 20 levels each.

export interface SyntheticJob {
  /** area_source_discretization, km: sets the number of ruptures */
  discretization: number;
  /** region_grid_spacing, km: sets the number of sites */
  gridSpacing: number;
  halfSize: number;
}

/** Writes the job into a new temporary folder and returns the job.ini path. */
export function writeSyntheticJob(job: SyntheticJob): string {
  const dir = Deno.makeTempDirSync({ prefix: "quake-bench-" });
  const h = job.halfSize;
  const corners = [[-h, -h], [-h, h], [h, h], [h, -h]].map(([x, y]) => `${x} ${y}`);
  const ring = corners.join(" ");
  Deno.writeTextFileSync(
    `${dir}/source_model.xml`,
    `<?xml version="1.0" encoding="utf-8"?>
<nrml xmlns="http://openquake.org/xmlns/nrml/0.4" xmlns:gml="http://www.opengis.net/gml">
  <sourceModel name="bench">
    <areaSource id="1" name="bench area" tectonicRegion="Active Shallow Crust">
      <areaGeometry>
        <gml:Polygon><gml:exterior><gml:LinearRing>
          <gml:posList>${ring}</gml:posList>
        </gml:LinearRing></gml:exterior></gml:Polygon>
        <upperSeismoDepth>0.0</upperSeismoDepth>
        <lowerSeismoDepth>20.0</lowerSeismoDepth>
      </areaGeometry>
      <magScaleRel>WC1994</magScaleRel>
      <ruptAspectRatio>1.5</ruptAspectRatio>
      <truncGutenbergRichterMFD aValue="5.0" bValue="1.0" minMag="5.0" maxMag="7.5"/>
      <nodalPlaneDist>
        <nodalPlane probability="0.5" strike="0.0" dip="90.0" rake="0.0"/>
        <nodalPlane probability="0.5" strike="45.0" dip="50.0" rake="90.0"/>
      </nodalPlaneDist>
      <hypoDepthDist>
        <hypoDepth probability="1.0" depth="10.0"/>
      </hypoDepthDist>
    </areaSource>
  </sourceModel>
</nrml>
`,
  );
  Deno.writeTextFileSync(
    `${dir}/source_model_logic_tree.xml`,
    `<?xml version="1.0" encoding="UTF-8"?>
<nrml xmlns="http://openquake.org/xmlns/nrml/0.4">
  <logicTree logicTreeID="lt1">
    <logicTreeBranchingLevel branchingLevelID="bl1">
      <logicTreeBranchSet uncertaintyType="sourceModel" branchSetID="bs1">
        <logicTreeBranch branchID="b1">
          <uncertaintyModel>source_model.xml</uncertaintyModel>
          <uncertaintyWeight>1.0</uncertaintyWeight>
        </logicTreeBranch>
      </logicTreeBranchSet>
    </logicTreeBranchingLevel>
  </logicTree>
</nrml>
`,
  );
  Deno.writeTextFileSync(
    `${dir}/gmpe_logic_tree.xml`,
    `<?xml version="1.0" encoding="UTF-8"?>
<nrml xmlns="http://openquake.org/xmlns/nrml/0.4">
  <logicTree logicTreeID="lt1">
    <logicTreeBranchingLevel branchingLevelID="bl1">
      <logicTreeBranchSet uncertaintyType="gmpeModel" branchSetID="bs1"
                          applyToTectonicRegionType="Active Shallow Crust">
        <logicTreeBranch branchID="b1">
          <uncertaintyModel>BooreAtkinson2008</uncertaintyModel>
          <uncertaintyWeight>0.5</uncertaintyWeight>
        </logicTreeBranch>
        <logicTreeBranch branchID="b2">
          <uncertaintyModel>BooreEtAl2014</uncertaintyModel>
          <uncertaintyWeight>0.5</uncertaintyWeight>
        </logicTreeBranch>
      </logicTreeBranchSet>
    </logicTreeBranchingLevel>
  </logicTree>
</nrml>
`,
  );
  Deno.writeTextFileSync(
    `${dir}/job.ini`,
    `[general]
description = quakeserver benchmark
calculation_mode = classical

[geometry]
region = ${corners.join(", ")}
region_grid_spacing = ${job.gridSpacing}

[site_params]
reference_vs30_type = measured
reference_vs30_value = 760.0
reference_depth_to_2pt5km_per_sec = 2.0
reference_depth_to_1pt0km_per_sec = 100.0

[erf]
rupture_mesh_spacing = 5.0
width_of_mfd_bin = 0.1
area_source_discretization = ${job.discretization}

[calculation]
source_model_logic_tree_file = source_model_logic_tree.xml
gsim_logic_tree_file = gmpe_logic_tree.xml
investigation_time = 50.0
intensity_measure_types_and_levels = {"PGA": logscale(0.005, 2.0, 20), "SA(1.0)": logscale(0.005, 2.0, 20)}
truncation_level = 3
maximum_distance = 200.0

[output]
mean = true
poes = 0.1 0.02
`,
  );
  return `${dir}/job.ini`;
}
