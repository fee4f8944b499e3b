// Safe unzip: what is rejected before anything is inflated or written.
import { deepStrictEqual, strictEqual, throws } from "node:assert";
import { zipSync } from "fflate";
import { readZip, safeEntryName, UnsafeArchiveError } from "../../engine/jobs/unzip.ts";

const enc = new TextEncoder();
const limits = { maxEntries: 5, maxTotalBytes: 1 << 20, maxRatio: 50 };

function rejects(zip: Uint8Array, msg: RegExp, l = limits) {
  throws(
    () => readZip(zip, l),
    (e: Error) => e instanceof UnsafeArchiveError && msg.test(e.message),
  );
}

Deno.test("readZip keeps folders, skips __MACOSX and directory entries", () => {
  const z = zipSync({
    "job.ini": enc.encode("[general]"),
    "sub/": new Uint8Array(0),
    "sub/model.xml": enc.encode("<nrml/>"),
    "__MACOSX/._job.ini": enc.encode("junk"),
  });
  const files = readZip(z, limits);
  deepStrictEqual([...files.keys()].sort(), ["job.ini", "sub/model.xml"]);
  strictEqual(new TextDecoder().decode(files.get("sub/model.xml")), "<nrml/>");
});

Deno.test("readZip rejects traversal, absolute paths, links, bombs and oversize archives", () => {
  rejects(
    zipSync({ "a/../../x.ini": enc.encode("x") }),
    /^Path traversal in archive: a\/\.\.\/\.\.\/x\.ini$/,
  );
  rejects(zipSync({ "/abs.ini": enc.encode("x") }), /^Absolute path in archive/);
  rejects(zipSync({ "C:/win.ini": enc.encode("x") }), /^Absolute path in archive/);
  rejects(
    zipSync({ "l": [enc.encode("/etc"), { os: 3, attrs: (0o120777 << 16) >>> 0 }] }),
    /^Links and special files are not allowed/,
  );
  rejects(
    zipSync({ "big.xml": [new Uint8Array(2 << 20), { level: 9 }] }),
    /too large once uncompressed|Suspicious compression ratio/,
  );
  rejects(
    zipSync({ "big.xml": [new Uint8Array(2 << 20), { level: 9 }] }),
    /^Suspicious compression ratio for big\.xml/,
    { ...limits, maxTotalBytes: 1 << 30 },
  );
  const many: Record<string, Uint8Array> = {};
  for (let i = 0; i < 6; i++) many[`f${i}.xml`] = enc.encode("x");
  rejects(zipSync(many), /^Too many entries in archive: 6 > 5$/);
  rejects(enc.encode("not a zip at all"), /^File is not a zip file$/);
  rejects(new Uint8Array(0), /^File is not a zip file$/);
});

Deno.test("readZip never inflates more than an entry declares", () => {
  // a lying central directory: the entry says 10 bytes, its data inflates to 1000
  const z = zipSync({ "a.xml": [new Uint8Array(1000).fill(65), { level: 9 }] });
  const dv = new DataView(z.buffer);
  let cd = z.length - 22;
  while (dv.getUint32(cd, true) !== 0x06054b50) cd--;
  const cdOff = dv.getUint32(cd + 16, true);
  dv.setUint32(cdOff + 24, 10, true); // central directory uncompressed size
  dv.setUint32(22, 10, true); // local header uncompressed size
  let got: Map<string, Uint8Array> | undefined;
  try {
    got = readZip(z, limits);
  } catch (e) {
    strictEqual(e instanceof UnsafeArchiveError, true);
  }
  if (got) strictEqual(got.get("a.xml")!.length <= 10, true);
});

Deno.test("safeEntryName normalises separators and dots", () => {
  strictEqual(safeEntryName("a\\b\\c.xml"), "a/b/c.xml");
  strictEqual(safeEntryName("./a//b.xml"), "a/b.xml");
  throws(() => safeEntryName("a\\..\\..\\x"), UnsafeArchiveError);
});
