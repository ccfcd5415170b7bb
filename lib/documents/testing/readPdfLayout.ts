import { OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { openPdf } from './readPdf';

/// One run of text as a PDF draws it: its characters, where its baseline starts (in points from
/// the top-left corner of the page), its size and colour, and whether it is set in bold (the
/// Lawbench PDFs embolden by stroking the outline as well as filling it).
export interface DrawnText {
  text: string;
  x: number;
  y: number;
  size: number;
  color: string;
  bold: boolean;
}

/// One painted path: its corners (points from the top-left corner), filled or stroked, and its
/// colour; a rectangle has four.
export interface DrawnPath {
  paint: 'fill' | 'stroke';
  color: string;
  points: [number, number][];
}

/// A page as it is drawn: its size, the text runs and the painted paths, in drawing order.
export interface DrawnPage {
  width: number;
  height: number;
  texts: DrawnText[];
  paths: DrawnPath[];
}

type Matrix = [number, number, number, number, number, number];

/// `m` applied after `ctm`, as the PDF operator `cm` concatenates them.
function concat(m: Matrix, ctm: Matrix): Matrix {
  return [
    m[0] * ctm[0] + m[1] * ctm[2],
    m[0] * ctm[1] + m[1] * ctm[3],
    m[2] * ctm[0] + m[3] * ctm[2],
    m[2] * ctm[1] + m[3] * ctm[3],
    m[4] * ctm[0] + m[5] * ctm[2] + ctm[4],
    m[4] * ctm[1] + m[5] * ctm[3] + ctm[5],
  ];
}

/// pdf.js path operators (its DrawOPS, which it does not export) and how many numbers each takes.
const pathArgs: Record<number, number> = { 0: 2, 1: 2, 2: 6, 3: 4, 4: 0 };

/// Test support: what each page of a PDF draws and where, read with pdf.js's operator list (an
/// independent reader) — so that a test can check which text sits in which column, on which
/// line and in bold, and where the table's rules and shading are, as a reader sees them. Each run
/// is placed by its text matrix, as pdfkit writes them (one run per BT … ET, no Td moves).
/// Coordinates are compared with tolerance: pdf.js keeps them as 32-bit floats.
export async function readPdfLayout(bytes: Uint8Array): Promise<DrawnPage[]> {
  const pdf = await openPdf(bytes);
  const pages: DrawnPage[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const { width, height } = page.getViewport({ scale: 1 });
    const { fnArray, argsArray } = await page.getOperatorList();
    const drawn: DrawnPage = { width, height, texts: [], paths: [] };
    let state = { ctm: [1, 0, 0, 1, 0, 0] as Matrix, fill: '#000000', stroke: '#000000', mode: 0, size: 0, tm: [1, 0, 0, 1, 0, 0] as Matrix };
    const stack: (typeof state)[] = [];
    const toPage = (x: number, y: number): [number, number] => {
      const [a, b, c, d, e, f] = state.ctm;
      return [a * x + c * y + e, height - (b * x + d * y + f)];
    };
    fnArray.forEach((fn, i) => {
      const args = argsArray[i];
      if (fn === OPS.save) stack.push({ ...state });
      else if (fn === OPS.restore) state = stack.pop() ?? state;
      else if (fn === OPS.transform) state.ctm = concat(args as Matrix, state.ctm);
      else if (fn === OPS.setFillRGBColor) state.fill = args[0];
      else if (fn === OPS.setStrokeRGBColor) state.stroke = args[0];
      else if (fn === OPS.setTextRenderingMode) state.mode = args[0];
      else if (fn === OPS.setFont) state.size = args[1];
      else if (fn === OPS.setTextMatrix) state.tm = [...args[0]] as Matrix;
      else if (fn === OPS.showText) {
        const text = (args[0] as unknown[]).map((g) => (g && typeof g === 'object' && 'unicode' in g ? String(g.unicode) : '')).join('');
        const [x, y] = toPage(state.tm[4], state.tm[5]);
        drawn.texts.push({ text, x, y, size: state.size, color: state.fill, bold: state.mode === 2 });
      } else if (fn === OPS.constructPath) {
        const [paintOp, [data]] = args as [number, [ArrayLike<number>]];
        const paint = paintOp === OPS.fill ? 'fill' : paintOp === OPS.stroke ? 'stroke' : null;
        if (!paint) return;
        const points: [number, number][] = [];
        for (let k = 0; k < data.length; ) {
          const op = data[k];
          if (op === 0 || op === 1) points.push(toPage(data[k + 1], data[k + 2]));
          k += 1 + (pathArgs[op] ?? 0);
        }
        drawn.paths.push({ paint, color: paint === 'fill' ? state.fill : state.stroke, points });
      }
    });
    pages.push(drawn);
  }
  await pdf.destroy();
  return pages;
}
