import type { PdfDoc } from './cjkPdf';

/// Portrait A4 in points, with margins near GB/T 9704's (37 mm top, 28 mm left): the page of the
/// Lawbench PDFs that read as printed official texts.
export const portraitA4 = { width: 595.28, height: 841.89, top: 96, bottom: 84, left: 78, right: 74 } as const;

/// A cursor down the pages of a PDF: where the next line goes, and a new page when it would not fit.
export interface PageFlow {
  /// Top of the next line's box.
  readonly y: number;
  /// Adds `points` of space, except at the head of a page.
  space(points: number): void;
  /// Starts a new page unless `height` still fits on this one (keeps a heading with what follows).
  keep(height: number): void;
  /// Starts a new page at its top margin.
  newPage(): void;
  /// Sets the `count` lines of one paragraph, `pitch` apart, continuing them on new pages as
  /// needed without leaving its first line alone at the foot of a page or its last line alone at
  /// the head of the next; `draw` sets line `index` in the box starting at `top`.
  lines(count: number, pitch: number, draw: (index: number, top: number) => void): void;
}

/// Starts a page flow on the current page of `doc` (opened by `openCjkPdf`), between the top and
/// bottom margins of `frame`.
export function pageFlow(doc: PdfDoc, frame: { top: number; bottom: number; height: number }, layout: 'portrait' | 'landscape' = 'portrait'): PageFlow {
  const limit = frame.height - frame.bottom;
  let y = frame.top;
  const newPage = () => {
    doc.addPage({ size: 'A4', layout, margin: 0 }).font('cjk');
    y = frame.top;
  };
  return {
    get y() {
      return y;
    },
    space(points) {
      if (y > frame.top) y += points;
    },
    keep(height) {
      if (y > frame.top && y + height > limit) newPage();
    },
    newPage,
    lines(count, pitch, draw) {
      for (let i = 0; i < count; ) {
        const left = count - i;
        const take = linesToTake(Math.max(0, Math.floor((limit - y) / pitch)), left, y > frame.top);
        for (let k = i; k < i + take; k++) {
          draw(k, y);
          y += pitch;
        }
        i += take;
        if (i < count) newPage();
      }
    },
  };
}

/// How many of the `left` lines of a paragraph to set where `room` lines fit: none when only the
/// first would fit below other text, one fewer when only the last would be carried over, and at
/// least one at the head of a page.
function linesToTake(room: number, left: number, belowText: boolean): number {
  const take = Math.min(belowText ? room : Math.max(room, 1), left);
  if (take < left && take === 1 && belowText) return 0;
  if (take < left && left - take === 1 && take > 2) return take - 1;
  return take;
}
