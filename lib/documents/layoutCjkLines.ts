/// A run of one paragraph to set: its text and how it is marked in the 修改对照表.
export interface SetRun {
  text: string;
  mark?: 'delete' | 'insert';
  bold?: boolean;
}

/// A run placed on one line, with its measured width (before any justification).
export interface SetPiece extends SetRun {
  width: number;
}

/// One line of a set paragraph: its pieces, where it starts, and the letter-spacing that makes
/// it fill the measure (0 on a paragraph's last line).
export interface SetLine {
  pieces: SetPiece[];
  indent: number;
  spacing: number;
}

/// Characters a line may not start with (closing punctuation) and may not end with (opening).
const noStart = new Set('，。、；：？！）》」』”’】〕〉…—%,.;:?!)]}'.split(''));
const noEnd = new Set('（《「『“‘【〔〈([{'.split(''));

interface Unit extends SetRun {
  width: number;
}

function splitUnits(runs: SetRun[], measure: (text: string, bold: boolean) => number, maxWidth: number): Unit[] {
  const units: Unit[] = [];
  for (const run of runs) {
    for (const text of run.text.match(/[A-Za-z0-9][A-Za-z0-9.\-/]*|[\s\S]/gu) ?? []) {
      const parts = text.length > 1 && measure(text, !!run.bold) > maxWidth ? [...text] : [text];
      for (const part of parts) units.push({ ...run, text: part, width: measure(part, !!run.bold) });
    }
  }
  return units;
}

function toPieces(units: Unit[]): SetPiece[] {
  const pieces: SetPiece[] = [];
  for (const u of units) {
    const last = pieces[pieces.length - 1];
    if (last && last.mark === u.mark && last.bold === u.bold) {
      last.text += u.text;
      last.width += u.width;
    } else pieces.push({ text: u.text, width: u.width, ...(u.mark ? { mark: u.mark } : {}), ...(u.bold ? { bold: true } : {}) });
  }
  return pieces;
}

/// Breaks one paragraph into lines of at most `width`, the first indented by `firstIndent`,
/// between any two CJK characters but not inside a Latin word or number, and never putting
/// closing punctuation at the start of a line or opening punctuation at its end. Lines other
/// than the last are justified by letter-spacing, up to `maxSpacing` per character.
export function layoutCjkLines(
  runs: SetRun[],
  opts: { width: number; firstIndent: number; maxSpacing: number; measure: (text: string, bold: boolean) => number },
): SetLine[] {
  const units = splitUnits(runs, opts.measure, opts.width - opts.firstIndent);
  const lines: Unit[][] = [];
  let line: Unit[] = [];
  let used = 0;
  const limit = () => opts.width - (lines.length === 0 ? opts.firstIndent : 0);
  for (const unit of units) {
    if (line.length > 0 && used + unit.width > limit()) {
      const carry: Unit[] = [];
      if (noStart.has(unit.text) && line.length > 1) carry.unshift(line.pop()!);
      while (line.length > 1 && noEnd.has(line[line.length - 1].text)) carry.unshift(line.pop()!);
      lines.push(line);
      line = carry;
      used = carry.reduce((w, u) => w + u.width, 0);
    }
    line.push(unit);
    used += unit.width;
  }
  if (line.length > 0 || lines.length === 0) lines.push(line);
  return lines.map((units, i) => {
    const indent = i === 0 ? opts.firstIndent : 0;
    const chars = units.reduce((n, u) => n + u.text.length, 0);
    const free = opts.width - indent - units.reduce((w, u) => w + u.width, 0);
    const spacing = i < lines.length - 1 && chars > 1 && free > 0 ? Math.min(free / (chars - 1), opts.maxSpacing) : 0;
    return { pieces: toPieces(units), indent, spacing };
  });
}
