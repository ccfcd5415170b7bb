'use client';

import { useEffect, useState } from 'react';

export type TocEntry = { id: string; label: string; heading: string; level: number };

/// The 章/节 contents of a regulation; the entry for the part being read is marked as the reader
/// scrolls (aria-current), so the contents follow the reader.
export function TableOfContents({ entries, title }: { entries: TocEntry[]; title: string }) {
  const [active, setActive] = useState<string | null>(null);
  useEffect(() => {
    const targets = entries.map((e) => document.getElementById(e.id)).filter((el): el is HTMLElement => !!el);
    const onScroll = () => {
      let current: string | null = null;
      for (const el of targets) if (el.getBoundingClientRect().top < 120) current = el.id;
      setActive(current ?? targets[0]?.id ?? null);
    };
    onScroll();
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => window.removeEventListener('scroll', onScroll);
  }, [entries]);
  if (entries.length === 0) return null;
  return (
    <nav className="toc" aria-label={title}>
      <h2 className="toc__title">{title}</h2>
      <ol>
        {entries.map((e) => (
          <li key={e.id} className={`toc__item toc__item--${e.level}`}>
            <a href={`#${e.id}`} aria-current={active === e.id ? 'location' : undefined}>
              {e.label} {e.heading}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
