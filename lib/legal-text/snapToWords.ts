import type { DiffToken } from './comparison';
import { wordSegmenter } from './wordDiff';

/// Widens each change of a word diff that cuts a word of the old text in two until it starts and
/// ends on a word boundary of the old text, taking the characters it needs from the unchanged
/// text around it. The word diff keeps what two changed words share: 纳入 → 列入 comes back as
/// 纳 → 列 before an unchanged 入, which a decision would quote as “资金纳”修改为“资金列”; widened,
/// it is 纳入 → 列入. The old text decides because a decision quotes its words first: 自行处理 →
/// 妥善处理 stays 自行 → 妥善, since the segmenter reads 自行 | 处理 there (and 妥善处理 as one
/// word). Both texts read back the same from the result as from the input; changes that grow
/// into each other become one.
export function snapToWords(tokens: DiffToken[]): DiffToken[] {
  const oldStarts = wordStarts(tokens.filter((t) => t.op !== 'insert').map((t) => t.text).join(''));
  const runs = toRuns(tokens);
  let oldAt = 0;
  for (let k = 0; k < runs.length; k++) {
    const run = runs[k];
    if (run.equal !== undefined) {
      oldAt += run.equal.length;
      continue;
    }
    const previous = runs[k - 1];
    while (previous?.equal && !oldStarts.has(oldAt)) {
      // One UTF-16 unit at a time: a word boundary never falls inside a character, so the loop
      // never stops halfway through one outside the basic plane.
      const ch = previous.equal.slice(-1);
      previous.equal = previous.equal.slice(0, -1);
      run.removed = ch + run.removed;
      run.inserted = ch + run.inserted;
      oldAt -= 1;
    }
    oldAt += run.removed.length;
    const next = runs[k + 1];
    while (next?.equal && !oldStarts.has(oldAt)) {
      const ch = next.equal[0];
      next.equal = next.equal.slice(1);
      run.removed += ch;
      run.inserted += ch;
      oldAt += 1;
    }
  }
  return fromRuns(runs);
}

/// An unchanged stretch (`equal`) or one change (`removed` replaced by `inserted`).
type Run = { equal?: string; removed: string; inserted: string };

/// The tokens as alternating runs: unchanged text, then one change (its deletions and insertions
/// together), and so on.
function toRuns(tokens: DiffToken[]): Run[] {
  const runs: Run[] = [];
  for (const t of tokens) {
    const last = runs[runs.length - 1];
    const same = last && (last.equal === undefined) === (t.op !== 'equal');
    if (t.op === 'equal') {
      if (same) last.equal += t.text;
      else runs.push({ equal: t.text, removed: '', inserted: '' });
    } else {
      const run = same ? last : runs[runs.push({ removed: '', inserted: '' }) - 1];
      if (t.op === 'delete') run.removed += t.text;
      else run.inserted += t.text;
    }
  }
  return runs;
}

/// Back to tokens; unchanged text used up by the widening leaves two changes side by side,
/// which become one.
function fromRuns(runs: Run[]): DiffToken[] {
  const tokens: DiffToken[] = [];
  // Runs alternate, so no two tokens pushed in a row have the same op.
  const push = (op: DiffToken['op'], text: string) => {
    if (text) tokens.push({ op, text });
  };
  for (let k = 0; k < runs.length; k++) {
    if (runs[k].equal !== undefined) {
      push('equal', runs[k].equal!);
      continue;
    }
    // A change and those joined to it by used-up unchanged text: all deletions, then insertions.
    let removed = '';
    let inserted = '';
    for (; k < runs.length && (runs[k].equal === undefined || runs[k].equal === ''); k++) {
      removed += runs[k].removed;
      inserted += runs[k].inserted;
    }
    k--;
    push('delete', removed);
    push('insert', inserted);
  }
  return tokens;
}

/// The offsets at which a word starts in `text`, and its end.
function wordStarts(text: string): Set<number> {
  const starts = new Set([...wordSegmenter().segment(text)].map((s) => s.index));
  starts.add(text.length);
  return starts;
}
