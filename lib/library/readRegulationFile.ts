import { decodeText, LegalTextError, parseDocx, parseRegulation, toParseJson, type ParseJson } from '@/lib/legal-text';
import { AppError } from '@/lib/errors';
import { isZipArchive, zipEntrySizes, zipLimits } from '@/lib/documents';
import { formatBytes } from '@/lib/shared';

/// Largest file the library takes in (the largest real regulation is well under 1 MB).
export const maxRegulationFileBytes = 10 * 1024 * 1024;

/// Turns an uploaded file (Markdown, plain text or .docx, UTF-8 or GB18030) into the `parse`
/// JSON. Unusable files become an `AppError('validation_failed')` carrying the parser's message.
export async function readRegulationFile(bytes: Uint8Array, fileName = ''): Promise<ParseJson> {
  if (bytes.byteLength > maxRegulationFileBytes) throw new AppError('payload_too_large', 'payload_too_large', { details: { limit: formatBytes(maxRegulationFileBytes) } });
  try {
    if (isZipArchive(bytes) || /\.docx$/i.test(fileName)) {
      // A few kilobytes can unpack to gigabytes: refuse before anything inflates it.
      const sizes = zipEntrySizes(bytes);
      if (sizes && (sizes.entries > zipLimits.maxEntries || sizes.uncompressedBytes > zipLimits.maxUncompressedBytes)) {
        throw new AppError('payload_too_large', 'docx_too_large', { details: { limit: formatBytes(zipLimits.maxUncompressedBytes), entries: sizes.entries } });
      }
      return toParseJson(await parseDocx(bytes));
    }
    const text = decodeText(bytes);
    const format = /\.md$/i.test(fileName) ? 'md' : /\.txt$/i.test(fileName) ? 'txt' : undefined;
    return toParseJson(parseRegulation(text, { format }));
  } catch (e) {
    if (e instanceof LegalTextError) throw new AppError('validation_failed', e.message, { details: { parser: e.code } });
    throw e;
  }
}
