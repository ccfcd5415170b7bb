import { existsSync } from 'node:fs';
import { AppError } from '@/lib/errors';

/// A font file for PDF text, with the face to use when the file is a collection (.ttc).
export interface CjkFont {
  path: string;
  family?: string;
}

/// Where Debian and Ubuntu put the CJK fonts we know, best first: a serif (Songti-like) face,
/// then the sans of the same family, then WenQuanYi (what CI and slim images install).
const systemFonts: CjkFont[] = [
  { path: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', family: 'NotoSerifCJKsc-Regular' },
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', family: 'WenQuanYiMicroHei' },
  { path: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', family: 'WenQuanYiZenHei' },
];

/// The CJK font the PDF exports embed. `LAWBENCH_PDF_FONT` wins when it names an existing file;
/// a collection needs its face after a `#`, e.g. `/fonts/NotoSerifCJK-Regular.ttc#NotoSerifCJKsc-Regular`.
/// Throws `AppError('internal', 'pdf_font_missing')` when no font is installed. Tests pass
/// their own `env` and `candidates`.
export function findCjkFont(env: Record<string, string | undefined> = process.env, candidates = systemFonts): CjkFont {
  const configured = env.LAWBENCH_PDF_FONT?.trim();
  if (configured) {
    const [path, family] = configured.split('#');
    if (existsSync(path)) return family ? { path, family } : { path };
  }
  const found = candidates.find((font) => existsSync(font.path));
  if (!found) throw new AppError('internal', 'pdf_font_missing');
  return found;
}
