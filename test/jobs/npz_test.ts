// .npy v1.0 headers and .npz layout as numpy writes and reads them.
import { deepStrictEqual, ok, strictEqual } from "node:assert";
import { unzipSync } from "fflate";
import { npyOf, npz, packRecords, recordDescr } from "../../engine/npz.ts";

function parse(b: Uint8Array) {
  const hlen = b[8] | (b[9] << 8);
  return { header: new TextDecoder().decode(b.subarray(10, 10 + hlen)), data: b.slice(10 + hlen) };
}

Deno.test("npy headers: dtype, shape, 64-byte alignment", () => {
  const a = parse(npyOf(Float64Array.of(1, 2, 3)));
  // numpy writes exactly this: the dict, spaces, a newline; 10 + 118 = 128 bytes
  strictEqual(
    a.header,
    "{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }".padEnd(117) + "\n",
  );
  strictEqual((10 + a.header.length) % 64, 0);
  deepStrictEqual([...new Float64Array(a.data.buffer)], [1, 2, 3]);
  ok(
    parse(npyOf({ data: Float32Array.of(1, 2, 3, 4, 5, 6), shape: [2, 3] })).header.includes(
      "'shape': (2, 3)",
    ),
  );
  const i = parse(npyOf(7));
  ok(i.header.includes("'descr': '<i8'") && i.header.includes("'shape': ()"));
  ok(parse(npyOf(1.5)).header.includes("'<f8'"));
  const s = parse(npyOf(["a", "bcd"]));
  ok(s.header.includes("'descr': '|S3'") && s.header.includes("'shape': (2,)"));
  deepStrictEqual([...s.data], [97, 0, 0, 98, 99, 100]);
});

Deno.test("record dtypes: nested descr and packed rows", () => {
  const fields = [
    { name: "lon", dtype: "<f8" },
    { name: "mean", dtype: [{ name: "PGA", dtype: [{ name: "0.1", dtype: "<f4" }] }] },
    { name: "id", dtype: "|S3" },
  ];
  strictEqual(
    recordDescr(fields),
    "[('lon', '<f8'), ('mean', [('PGA', [('0.1', '<f4')])]), ('id', '|S3')]",
  );
  const rec = packRecords(
    fields,
    { lon: [1, 2], "mean.PGA.0.1": [0.5, 0.25], id: ["ab", "cdef"] },
    2,
  );
  const row = 8 + 4 + 3;
  strictEqual((rec.data as Uint8Array).length, 2 * row);
  const dv = new DataView((rec.data as Uint8Array).buffer);
  strictEqual(dv.getFloat64(row, true), 2);
  strictEqual(dv.getFloat32(row + 8, true), 0.25);
  deepStrictEqual([...(rec.data as Uint8Array).subarray(row + 12, row + 15)], [99, 100, 101]);
  const files = unzipSync(npz({ all: rec, investigation_time: 1.0 }));
  deepStrictEqual(Object.keys(files).sort(), ["all.npy", "investigation_time.npy"]);
  ok(parse(files["all.npy"]).header.startsWith("{'descr': [('lon', '<f8'),"));
});
