import type { MarkedRun } from '@/lib/legal-text';

/// Lines of marked text: removed runs in <del>, added runs in <ins> (struck / underlined and
/// coloured by the stylesheet, so a change never shows by colour alone).
export function MarkedLines({ lines, label }: { lines: MarkedRun[][]; label?: string }) {
  return (
    <>
      {lines.map((runs, i) => (
        <p key={i} className="marked-line">
          {i === 0 && label && <span className="article-label">{label}</span>}
          {runs.map((run, k) => (run.mark === 'delete' ? <del key={k}>{run.text}</del> : run.mark === 'insert' ? <ins key={k}>{run.text}</ins> : <span key={k}>{run.text}</span>))}
        </p>
      ))}
    </>
  );
}
