/// True when the bytes start like a zip archive (a .docx, .xlsx …): `PK\x03\x04`.
export function isZipArchive(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/// What a zip package (a .docx) may unpack to before anything reads it.
export const zipLimits = { maxEntries: 2_000, maxUncompressedBytes: 100 * 1024 * 1024 };

/// The number of entries and their total unpacked size, as the zip's central directory states
/// them; null when the bytes are not a zip archive with a readable directory.
export function zipEntrySizes(bytes: Uint8Array): { entries: number; uncompressedBytes: number } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record is within the last 64 KB + 22 bytes (its comment).
  let end = -1;
  for (let i = bytes.byteLength - 22; i >= Math.max(0, bytes.byteLength - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const entries = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  let uncompressedBytes = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > bytes.byteLength || view.getUint32(at, true) !== 0x02014b50) return null;
    uncompressedBytes += view.getUint32(at + 24, true);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return { entries, uncompressedBytes };
}
