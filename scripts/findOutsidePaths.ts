import path from 'node:path';

/// One reference to a path outside the repository: the file (relative to the repository root,
/// with forward slashes), the 1-based line, the text that matched and why it counts.
export interface OutsidePath {
  file: string;
  line: number;
  match: string;
  reason: string;
}

// The patterns are written with escapes so that this file does not match itself.
/// A folder beside the repository: `..` followed by `/shared` (or a backslash form).
const SIBLING_SHARED = /(?:\.\.[\\/])+shared(?![\w-])(?:[\\/](?:[\w.-]*[\w-])?)*/g;
/// The shared corpus and question sets wherever they are mounted (an absolute path).
const SHARED_DATA = /\/shared\/(?:corpus|questions)\b|\/work\/shared\b/g;
/// `resolve(` / `join(` from the working directory (the repository root) or from the file's own
/// folder, followed by string-literal segments.
const ANCHORED_CALL =
  /\b(?:resolve|join)\(\s*(process\.cwd\(\)|import\.meta\.dirname|__dirname)\s*((?:,\s*(?:'[^'\n]*'|"[^"\n]*"))+)/g;
/// `new URL('<relative>', import.meta.url)`: relative to the file's folder.
const FILE_URL = /\bnew URL\(\s*(?:'([^'\n]*)'|"([^"\n]*)")\s*,\s*import\.meta\.url\s*\)/g;
/// A module specifier on this line (import / export … from, import(), require()).
const MODULE_SPECIFIER = /\bfrom\s*['"]|\bimport\s*\(\s*['"]|\brequire\s*\(\s*['"]|^\s*import\s*['"]/;
const STRING_LITERAL = /'([^'\n]*)'|"([^"\n]*)"/g;

/// True when `relative`, taken from `baseDir` (a folder relative to the repository root), leaves
/// the repository.
function climbsOut(baseDir: string, relative: string): boolean {
  if (relative.startsWith('/')) return false;
  const joined = path.posix.normalize(path.posix.join(baseDir || '.', relative.replace(/\\/g, '/')));
  return joined === '..' || joined.startsWith('../');
}

/// The references to paths outside the repository in one text file: a sibling `shared` folder
/// (`..` + `/shared`), the shared corpus or question sets by absolute path, and `path.resolve` /
/// `path.join` / `new URL(…, import.meta.url)` whose literal segments climb above the repository
/// root (from `process.cwd()`, which the tests, benchmarks and scripts take to be the root, or
/// from the file's own folder). A module import of a `shared` folder that stays inside the
/// repository (lib/x/a.ts importing `..` + `/shared/dates`) is not reported.
export function findOutsidePaths(file: string, content: string): OutsidePath[] {
  const found: OutsidePath[] = [];
  const fileDir = path.posix.dirname(file.replace(/\\/g, '/'));
  content.split(/\r?\n/).forEach((text, i) => {
    // Each stretch of the line is judged once, by the first pattern that matches it.
    const claimed: [number, number][] = [];
    const claim = (m: RegExpMatchArray): boolean => {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      if (claimed.some(([s, e]) => start < e && s < end)) return false;
      claimed.push([start, end]);
      return true;
    };
    const report = (m: RegExpMatchArray, reason: string) => {
      if (claim(m)) found.push({ file, line: i + 1, match: m[0], reason });
    };
    for (const m of text.matchAll(SIBLING_SHARED)) {
      if (MODULE_SPECIFIER.test(text) && !climbsOut(fileDir, m[0])) claim(m);
      else report(m, 'a folder beside the repository');
    }
    for (const m of text.matchAll(SHARED_DATA)) report(m, 'an absolute path to the shared data');
    for (const m of text.matchAll(ANCHORED_CALL)) {
      const base = m[1] === 'process.cwd()' ? '' : fileDir;
      const segments = [...m[2].matchAll(STRING_LITERAL)].map((s) => s[1] ?? s[2]);
      if (climbsOut(base, path.posix.join(...segments))) report(m, `a path above the repository root (from ${m[1]})`);
    }
    for (const m of text.matchAll(FILE_URL)) {
      if (climbsOut(fileDir, m[1] ?? m[2])) report(m, 'a URL above the repository root (from import.meta.url)');
    }
  });
  return found;
}

/// `file:line: reason: match`, for a failure message.
export function formatOutsidePath(f: OutsidePath): string {
  return `${f.file}:${f.line}: ${f.reason}: ${f.match}`;
}
