import Link from 'next/link';
import { Highlighted } from './Highlighted';

/// One search hit: a link with its label and its snippet, the query's matches marked.
export function ResultHit({ href, label, snippet, highlights }: { href: string; label: string; snippet: string; highlights: [number, number][] }) {
  return (
    <Link href={href} className="result-hit">
      <span className="result-hit__label">{label}</span>
      <span className="result-hit__snippet" lang="zh-CN">
        <Highlighted text={snippet} ranges={highlights} />
      </span>
    </Link>
  );
}
