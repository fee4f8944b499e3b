// Safe extraction of uploaded ZIP archives: the central directory is checked before anything
// is inflated (paths, links, encryption, entry count, declared sizes and compression ratio).
import { unzipSync } from "fflate";

export interface UnzipLimits {
  maxEntries: number;
  maxTotalBytes: number;
  /** uncompressed / compressed, checked for entries larger than 1 MiB */
  maxRatio: number;
}

function envInt(name: string, dflt: number): number {
  const v = Number(Deno.env.get(name));
  return Number.isFinite(v) && v > 0 ? v : dflt;
}

export function defaultLimits(): UnzipLimits {
  return {
    maxEntries: envInt("OQ_UNZIP_MAX_ENTRIES", 10_000),
    maxTotalBytes: envInt("OQ_UNZIP_MAX_BYTES", 2 * 1024 ** 3),
    maxRatio: envInt("OQ_UNZIP_MAX_RATIO", 200),
  };
}

/** A rejected archive; the message says why. */
export class UnsafeArchiveError extends Error {
  override name = "UnsafeArchiveError";
}

interface CdEntry {
  name: string;
  compressed: number;
  size: number;
  flags: number;
  mode: number;
  madeBy: number;
}

/** Reads the central directory; throws "File is not a zip file" like Python's zipfile. */
function centralDirectory(zip: Uint8Array): CdEntry[] {
  const dv = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65535); i--) {
    if (dv.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new UnsafeArchiveError("File is not a zip file");
  const count = dv.getUint16(eocd + 10, true);
  let off = dv.getUint32(eocd + 16, true);
  if (count === 0xffff || off === 0xffffffff) {
    throw new UnsafeArchiveError("ZIP64 archives are not supported");
  }
  const dec = new TextDecoder();
  const out: CdEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (off + 46 > zip.length || dv.getUint32(off, true) !== 0x02014b50) {
      throw new UnsafeArchiveError("File is not a zip file (bad central directory)");
    }
    const nameLen = dv.getUint16(off + 28, true);
    const extraLen = dv.getUint16(off + 30, true);
    const commentLen = dv.getUint16(off + 32, true);
    out.push({
      madeBy: dv.getUint16(off + 4, true) >> 8,
      flags: dv.getUint16(off + 8, true),
      compressed: dv.getUint32(off + 20, true),
      size: dv.getUint32(off + 24, true),
      mode: dv.getUint32(off + 38, true) >>> 16,
      name: dec.decode(zip.subarray(off + 46, off + 46 + nameLen)),
    });
    off += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** Normalises an entry name and rejects anything that could escape the target folder. */
export function safeEntryName(raw: string): string {
  const name = raw.replace(/\\/g, "/");
  if (name.includes("\0")) throw new UnsafeArchiveError(`Invalid file name in archive: ${raw}`);
  if (name.startsWith("/") || /^[A-Za-z]:/.test(name)) {
    throw new UnsafeArchiveError(`Absolute path in archive: ${raw}`);
  }
  const parts = name.split("/").filter((p) => p !== "" && p !== ".");
  if (parts.some((p) => p === "..")) {
    throw new UnsafeArchiveError(`Path traversal in archive: ${raw}`);
  }
  return parts.join("/");
}

/**
 * Checks and inflates an archive in memory: entry path -> bytes (directories and `__MACOSX`
 * entries skipped). Nothing is written here, so a rejected archive leaves nothing behind.
 */
export function readZip(zip: Uint8Array, limits = defaultLimits()): Map<string, Uint8Array> {
  const entries = centralDirectory(zip);
  if (entries.length > limits.maxEntries) {
    throw new UnsafeArchiveError(
      `Too many entries in archive: ${entries.length} > ${limits.maxEntries}`,
    );
  }
  let total = 0;
  const wanted = new Map<string, string>(); // raw name -> safe name
  for (const e of entries) {
    const isDir = e.name.endsWith("/") || e.name.endsWith("\\");
    const safe = safeEntryName(e.name);
    if (isDir || !safe || safe.startsWith("__MACOSX/")) continue;
    const fileType = e.mode & 0o170000;
    if (e.madeBy === 3 && fileType !== 0 && fileType !== 0o100000) {
      throw new UnsafeArchiveError(`Links and special files are not allowed in archive: ${e.name}`);
    }
    if (e.flags & 1) throw new UnsafeArchiveError(`Encrypted entry in archive: ${e.name}`);
    if (e.size === 0xffffffff || e.compressed === 0xffffffff) {
      throw new UnsafeArchiveError("ZIP64 archives are not supported");
    }
    total += e.size;
    if (total > limits.maxTotalBytes) {
      throw new UnsafeArchiveError(
        `Archive too large once uncompressed: more than ${limits.maxTotalBytes} bytes`,
      );
    }
    if (e.size > 1 << 20 && e.size > limits.maxRatio * Math.max(1, e.compressed)) {
      throw new UnsafeArchiveError(
        `Suspicious compression ratio for ${e.name}: ${e.size} bytes from ${e.compressed}`,
      );
    }
    if ([...wanted.values()].includes(safe)) {
      throw new UnsafeArchiveError(`Duplicate entry in archive: ${e.name}`);
    }
    wanted.set(e.name, safe);
  }
  let files: Record<string, Uint8Array>;
  try {
    // fflate inflates each entry into a buffer of its declared size and never grows it
    files = unzipSync(zip, { filter: (f) => wanted.has(f.name) });
  } catch (err) {
    throw new UnsafeArchiveError(`Corrupted zip file: ${(err as Error).message}`);
  }
  const out = new Map<string, Uint8Array>();
  for (const [raw, data] of Object.entries(files)) {
    const safe = wanted.get(raw);
    if (safe !== undefined) out.set(safe, data);
  }
  return out;
}

/** Writes checked entries under `dir` (which must exist). */
export function writeEntries(dir: string, files: Map<string, Uint8Array>): string[] {
  const written: string[] = [];
  for (const [name, data] of files) {
    const path = `${dir}/${name}`;
    const parent = path.slice(0, path.lastIndexOf("/"));
    Deno.mkdirSync(parent, { recursive: true });
    Deno.writeFileSync(path, data, { createNew: true });
    written.push(path);
  }
  return written;
}
