import path from 'node:path';
import { z } from 'zod';
import { compareTexts, draftAmendmentDecision, renderDecisionText, toDiffJson, toParseJson } from '@/lib/legal-text';
import { checkedArgs, CliError, type CommandIO } from '../io';
import { parseFile } from '../parseFile';

const USAGE = 'usage: lawbench diff OLD NEW [--format json|decision] [--by-eid]';

const Args = z.object({
  oldFile: z.string({ error: `missing OLD and NEW (${USAGE})` }).min(1),
  newFile: z.string({ error: `missing NEW (${USAGE})` }).min(1),
  format: z.enum(['json', 'decision'], { error: '--format must be json or decision' }).default('json'),
  byEid: z.boolean().default(false),
});

/// `lawbench diff OLD NEW`: compares two regulation files article by article and prints the
/// `diff` JSON of PRODUCT.md (or, with `--format decision`, the 修改决定 as text). Files are
/// aligned by content unless `--by-eid` says their article eids share lineage.
export async function run(args: string[], io: CommandIO): Promise<number> {
  const checked = checkedArgs(args, readArgs, Args, USAGE, io);
  if (!checked) return 0;
  const { oldFile, newFile, format, byEid } = checked;
  const [before, after] = await Promise.all(
    [oldFile, newFile].map(async (file) => toParseJson(await parseFile(path.resolve(io.cwd, file), file))),
  );
  [before, after].forEach((text, i) => {
    if (text.articles.length === 0) throw new CliError(`${i === 0 ? oldFile : newFile}: no articles found (no line starts with 第…条)`);
  });
  const comparison = compareTexts(before, after, { alignment: byEid ? 'eid' : 'content' });
  if (format === 'decision') {
    const decision = draftAmendmentDecision(comparison);
    io.stdout(renderDecisionText(decision));
    return 0;
  }
  io.stdout(`${JSON.stringify(toDiffJson(comparison), null, 2)}\n`);
  return 0;
}

function readArgs(args: string[]): { oldFile?: string; newFile?: string; format?: string; byEid?: boolean } {
  const out: { oldFile?: string; newFile?: string; format?: string; byEid?: boolean } = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--format' || arg === '-f') out.format = args[++i] ?? '';
    else if (arg.startsWith('--format=')) out.format = arg.slice('--format='.length);
    else if (arg === '--by-eid') out.byEid = true;
    else if (arg.startsWith('-') && arg !== '-') throw new CliError(`unknown option ${arg}`);
    else if (out.oldFile === undefined) out.oldFile = arg;
    else if (out.newFile === undefined) out.newFile = arg;
    else throw new CliError(`unexpected argument ${arg}`);
  }
  return out;
}
