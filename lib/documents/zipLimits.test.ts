import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { zipEntrySizes } from './zipLimits';

describe('zipEntrySizes', () => {
  it('reads the entry count and the unpacked size a package declares, however well it compresses', async () => {
    const zip = new JSZip();
    zip.file('document.xml', '<w:document/>');
    zip.file('bomb.bin', new Uint8Array(8 * 1024 * 1024));
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect(bytes.byteLength).toBeLessThan(64 * 1024);
    expect(zipEntrySizes(bytes)).toEqual({ entries: 2, uncompressedBytes: 8 * 1024 * 1024 + '<w:document/>'.length });
  });

  it('says null for what is not a zip', () => {
    expect(zipEntrySizes(new TextEncoder().encode('PK not really'))).toBeNull();
    expect(zipEntrySizes(new Uint8Array(10))).toBeNull();
  });
});
