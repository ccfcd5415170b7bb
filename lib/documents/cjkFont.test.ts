import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { isAppError } from '@/lib/errors';
import { findCjkFont } from './cjkFont';

const here = fileURLToPath(import.meta.url);

describe('findCjkFont', () => {
  it('prefers LAWBENCH_PDF_FONT, with the face of a collection after #', () => {
    expect(findCjkFont({ LAWBENCH_PDF_FONT: `${here}#SomeFace` }, [])).toEqual({ path: here, family: 'SomeFace' });
  });

  it('falls back to the first installed system font', () => {
    const candidates = [{ path: '/no/such/font.ttc', family: 'X' }, { path: here, family: 'Y' }];
    expect(findCjkFont({ LAWBENCH_PDF_FONT: '/no/such/file.ttf' }, candidates)).toEqual({ path: here, family: 'Y' });
  });

  it('says pdf_font_missing when no font is installed', () => {
    let error: unknown;
    try {
      findCjkFont({}, [{ path: '/no/such/font.ttc' }]);
    } catch (e) {
      error = e;
    }
    expect(isAppError(error) && error.message).toBe('pdf_font_missing');
  });
});
