import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { isAppError } from '@/lib/errors';
import { errorMessage } from '@/lib/i18n';
import { findCjkFont } from '../cjkFont';

/// Test support: a PDF opened with pdf.js (destroy it when done).
export function openPdf(bytes: Uint8Array) {
  return getDocument({ data: new Uint8Array(bytes), isEvalSupported: false }).promise;
}

/// Test support: the title, creation date and other entries of a PDF's information dictionary.
export async function readPdfInfo(bytes: Uint8Array): Promise<Record<string, unknown>> {
  const pdf = await openPdf(bytes);
  const { info } = await pdf.getMetadata();
  await pdf.destroy();
  return info as Record<string, unknown>;
}

/// Test support: the text of each page as pdf.js extracts it (which needs the embedded font's
/// ToUnicode map), and each page's size in points.
export async function readPdf(bytes: Uint8Array): Promise<{ text: string; width: number; height: number }[]> {
  const pdf = await openPdf(bytes);
  const pages = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const { width, height } = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    pages.push({ text: content.items.map((item) => ('str' in item ? item.str : '')).join(''), width, height });
  }
  await pdf.destroy();
  return pages;
}

/// Test support (for `beforeAll`): fails with the catalogue's plain sentence when this machine has
/// no CJK font to embed, instead of letting every PDF test fail on its own.
export function requireCjkFont(): void {
  try {
    findCjkFont();
  } catch (error) {
    throw new Error(isAppError(error) ? errorMessage('en', error.message) : String(error));
  }
}
