import JSZip from 'jszip';

/// Test support: the text of every file in a zip archive (a .docx or .xlsx), by path, read with
/// jszip so that a test checks what an independent reader finds, not what our writer meant.
export async function readZip(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const files = new Map<string, string>();
  for (const entry of Object.values(zip.files)) {
    if (!entry.dir) files.set(entry.name, await entry.async('string'));
  }
  return files;
}
