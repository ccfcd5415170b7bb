import { bigramProfile, profileSimilarity } from './textSimilarity';

/// What alignment needs of an article: its identity and its text.
export interface AlignableArticle {
  eid: string;
  text: string;
}

/// Least similarity at which two different articles count as one article modified rather than
/// one deleted and another added. Unrelated articles of the same regulation share common legal
/// bigrams (本条例, 人民政府, 应当 …) and score about 0.1–0.3 (measured on the dev corpus).
export const MODIFIED_THRESHOLD = 0.4;

/// Pairs old articles with new ones, as [oldIndex, newIndex]. With `byEid` articles that share
/// an eid are paired first (the texts share lineage). The rest are paired by content: identical
/// text first (a text found on a side more than once by place, see below), then, keeping order,
/// the pairing that maximises total similarity among pairs at or above `MODIFIED_THRESHOLD`.
export function alignArticles(before: AlignableArticle[], after: AlignableArticle[], byEid: boolean): [number, number][] {
  const pairs: [number, number][] = [];
  const oldPaired = new Array<boolean>(before.length).fill(false);
  const newPaired = new Array<boolean>(after.length).fill(false);
  const pair = (i: number, j: number) => {
    pairs.push([i, j]);
    oldPaired[i] = true;
    newPaired[j] = true;
  };

  if (byEid) {
    const newByEid = new Map(after.map((a, j) => [a.eid, j]));
    before.forEach((a, i) => {
      const j = newByEid.get(a.eid);
      if (j !== undefined && !newPaired[j]) pair(i, j);
    });
  }

  const oldByText = indexByText(before, oldPaired);
  const newByText = indexByText(after, newPaired);
  const repeated: [number[], number[]][] = [];
  for (const [text, news] of newByText) {
    const olds = oldByText.get(text);
    if (!olds) continue;
    if (olds.length === 1 && news.length === 1) pair(olds[0], news[0]);
    else repeated.push([olds, news]);
  }
  // A text found more than once on a side (本条例自……起施行。 closing two parts) goes to the
  // twin nearest where the pairs before it put it, not to the first twin that comes.
  for (const [olds, news] of repeated) {
    for (const j of news) {
      const expected = expectedOldIndex(pairs, j);
      const free = olds.filter((i) => !oldPaired[i]);
      if (free.length === 0) break;
      pair(free.reduce((best, i) => (Math.abs(i - expected) < Math.abs(best - expected) ? i : best)), j);
    }
  }

  const restOld = before.flatMap((_, i) => (oldPaired[i] ? [] : [i]));
  const restNew = after.flatMap((_, j) => (newPaired[j] ? [] : [j]));
  for (const [i, j] of alignBySimilarity(
    restOld.map((i) => before[i].text),
    restNew.map((j) => after[j].text),
  )) {
    pair(restOld[i], restNew[j]);
  }
  return pairs.sort((a, b) => a[1] - b[1]);
}

/// The unpaired articles' indexes by text.
function indexByText(articles: AlignableArticle[], paired: boolean[]): Map<string, number[]> {
  const byText = new Map<string, number[]>();
  articles.forEach((a, i) => {
    if (!paired[i]) byText.set(a.text, [...(byText.get(a.text) ?? []), i]);
  });
  return byText;
}

/// Where new article `j` would sit in the old text, judged from the nearest pair before it
/// (as many articles on from that pair's old article); `j` itself when there is none.
function expectedOldIndex(pairs: [number, number][], j: number): number {
  let anchor: [number, number] | null = null;
  for (const p of pairs) if (p[1] < j && (!anchor || p[1] > anchor[1])) anchor = p;
  return anchor ? anchor[0] + (j - anchor[1]) : j;
}

/// The order-keeping pairing of two lists of texts with the greatest total similarity, using only
/// pairs at or above the threshold (a dynamic programme over the two sequences).
function alignBySimilarity(before: string[], after: string[]): [number, number][] {
  const n = before.length;
  const m = after.length;
  if (n === 0 || m === 0) return [];
  const oldProfiles = before.map(bigramProfile);
  const newProfiles = after.map(bigramProfile);
  const sim = (i: number, j: number) => profileSimilarity(oldProfiles[i], newProfiles[j]);
  const width = m + 1;
  const score = new Float64Array((n + 1) * width);
  const step = new Uint8Array((n + 1) * width); // 1 = skip old, 2 = skip new, 3 = pair
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      let best = score[(i - 1) * width + j];
      let move = 1;
      if (score[i * width + j - 1] > best) {
        best = score[i * width + j - 1];
        move = 2;
      }
      const s = sim(i - 1, j - 1);
      if (s >= MODIFIED_THRESHOLD && score[(i - 1) * width + j - 1] + s > best) {
        best = score[(i - 1) * width + j - 1] + s;
        move = 3;
      }
      score[i * width + j] = best;
      step[i * width + j] = move;
    }
  }
  const pairs: [number, number][] = [];
  for (let i = n, j = m; i > 0 && j > 0; ) {
    const move = step[i * width + j];
    if (move === 3) pairs.push([--i, --j]);
    else if (move === 1) i--;
    else j--;
  }
  return pairs.reverse();
}
