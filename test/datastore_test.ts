import { deepStrictEqual, ok } from "node:assert";
import { Datastore } from "../engine/datastore.ts";

Deno.test("datastore keeps typed arrays, strings, json and attrs across reopen", () => {
  const dir = Deno.makeTempDirSync();
  const path = `${dir}/calc_1.sqlite`;
  const ds = new Datastore(path);
  ds.put("hcurves-stats", Float64Array.of(0.1, 0.2, 0.3, 0.4), [2, 2], { kind: ["mean"] });
  ds.put("names", ["PGA", "SA(0.1)"]);
  ds.put("oqparam", { investigation_time: 50 });
  ds.setAttrs("names", { x: 1 });
  ds.close();
  const ro = new Datastore(path, { readOnly: true });
  const h = ro.get("hcurves-stats");
  deepStrictEqual([...(h.data as Float64Array)], [0.1, 0.2, 0.3, 0.4]);
  deepStrictEqual(h.shape, [2, 2]);
  deepStrictEqual(h.attrs, { kind: ["mean"] });
  deepStrictEqual(ro.get("names").data, ["PGA", "SA(0.1)"]);
  deepStrictEqual(ro.getAttrs("names"), { x: 1 });
  deepStrictEqual(ro.get("oqparam").data, { investigation_time: 50 });
  ok(ro.has("names") && !ro.has("nope"));
  deepStrictEqual(ro.list("h"), ["hcurves-stats"]);
  ro.close();
  Deno.removeSync(dir, { recursive: true });
});
