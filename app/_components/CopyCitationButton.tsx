'use client';

import { useState } from 'react';

/// Copies the standard citation string (《X条例》第十二条) to the clipboard and says so.
export function CopyCitationButton({ citation, labels, prominent }: { citation: string; labels: { copy: string; copied: string; failed: string }; prominent?: boolean }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  async function copy() {
    try {
      await navigator.clipboard.writeText(citation);
      setState('copied');
    } catch {
      setState('failed');
    }
    setTimeout(() => setState('idle'), 2500);
  }
  return (
    <span className="copy-citation">
      <button type="button" className={prominent ? 'button button--primary' : 'tool-button'} onClick={copy} data-citation={citation} aria-label={`${labels.copy}：${citation}`}>
        {labels.copy}
      </button>
      <span role="status" className="copy-citation__status">
        {state === 'copied' ? labels.copied : state === 'failed' ? labels.failed : ''}
      </span>
    </span>
  );
}
