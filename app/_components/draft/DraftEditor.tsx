'use client';

import { useEffect, useRef, useState } from 'react';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { redoCommand, undoCommand, yCursorPlugin, ySyncPlugin, ySyncPluginKey, yUndoPlugin } from 'y-prosemirror';
import { EditorState, type Command, type Transaction } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { keymap } from 'prosemirror-keymap';
import { baseKeymap } from 'prosemirror-commands';
import {
  articleAt,
  collabCloseCodes,
  draftSchema,
  indentBlock,
  insertArticleAfter,
  insertHeading,
  insertParagraphAfter,
  makeItem,
  moveStructural,
  numberingKey,
  numberingPlugin,
  outdentBlock,
  presenceColour,
  pasteLegalTextPlugin,
  uniqueEidPlugin,
  type OutlineLine,
} from '@/lib/editor';
import { useT } from '@/app/_components/I18nProvider';
import { CommentsMargin } from './CommentsMargin';

type Peer = { clientId: number; name: string; color: string; article: string | null };
type Status = 'connecting' | 'connected' | 'offline';

const isRemote = (tr: Transaction) => !!tr.getMeta(ySyncPluginKey)?.isChangeOrigin;

/// The collaborative editor of a draft: y-prosemirror on the stock y-websocket client, numbering
/// derived live, legal-structure commands on keys and a toolbar, presence of colleagues with the
/// article each is in, and an outline with counts. Reviewers get the same view, read-only.
export function DraftEditor({ draftId, collabUrl, user, readOnly, canComment, historyBase }: { draftId: string; collabUrl: string; user: { id: string; name: string }; readOnly: boolean; canComment: boolean; historyBase: string }) {
  const t = useT();
  // The effect below must run once per draft, not on every render: read the translator via a ref.
  const tRef = useRef(t);
  tRef.current = t;
  const mount = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const [status, setStatus] = useState<Status>('connecting');
  const [synced, setSynced] = useState(false);
  const [peers, setPeers] = useState<Peer[]>([]);
  const [outline, setOutline] = useState<OutlineLine[]>([]);
  const [counts, setCounts] = useState<{ articles: number; chapters: number; items: number } | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const [currentArticle, setCurrentArticle] = useState<string | null>(null);

  useEffect(() => {
    const t = tRef.current;
    const ydoc = new Y.Doc();
    const provider = new WebsocketProvider(collabUrl, draftId, ydoc, { disableBc: true });
    const fragment = ydoc.getXmlFragment('prosemirror');
    const color = presenceColour(user.id);
    provider.awareness.setLocalStateField('user', { name: user.name, color, id: user.id });
    provider.on('status', ({ status: s }: { status: string }) => setStatus(s === 'connected' ? 'connected' : s === 'connecting' ? 'connecting' : 'offline'));
    provider.on('sync', (isSynced: boolean) => setSynced(isSynced));
    provider.on('connection-close', (event: CloseEvent | null) => {
      if (!event) return;
      const { notAuthenticated, forbidden, noSuchDraft } = collabCloseCodes;
      if (event.code === notAuthenticated || event.code === forbidden || event.code === noSuchDraft) {
        setRefused(event.code === notAuthenticated ? t('draft.refused4401') : event.code === forbidden ? t('draft.refused4403') : t('draft.refused4404'));
        // A reviewer refused for typing stays connected and keeps reading; every other refusal is final.
        if (event.code !== forbidden || !readOnly) provider.disconnect();
      }
    });

    const legalKeys: Record<string, Command> = {
      'Mod-Enter': insertArticleAfter,
      'Shift-Enter': insertParagraphAfter,
      Tab: indentBlock,
      'Shift-Tab': outdentBlock,
      'Alt-ArrowUp': moveStructural(-1),
      'Alt-ArrowDown': moveStructural(1),
      'Mod-Alt-c': insertHeading('chapter'),
      'Mod-Alt-s': insertHeading('section'),
      'Mod-z': undoCommand,
      'Mod-y': redoCommand,
      'Mod-Shift-z': redoCommand,
    };
    const state = EditorState.create({
      schema: draftSchema,
      plugins: [
        ySyncPlugin(fragment),
        yCursorPlugin(provider.awareness),
        yUndoPlugin(),
        keymap(legalKeys),
        keymap(baseKeymap),
        numberingPlugin(),
        uniqueEidPlugin(isRemote),
        pasteLegalTextPlugin(),
      ],
    });
    const refresh = (s: EditorState) => {
      const numbering = numberingKey.getState(s)?.numbering;
      if (numbering) {
        setOutline(numbering.outline);
        setCounts({ articles: numbering.counts.articles, chapters: numbering.counts.chapters, items: numbering.counts.items });
      }
      const art = articleAt(s.selection.$from);
      setCurrentArticle(art?.node.attrs.eid ?? null);
      const current = provider.awareness.getLocalState()?.article ?? null;
      if (current !== (art?.node.attrs.eid ?? null)) provider.awareness.setLocalStateField('article', art?.node.attrs.eid ?? null);
    };
    const view = new EditorView(mount.current!, {
      state,
      editable: () => !readOnly,
      attributes: { class: 'draft-editor statute', lang: 'zh-CN', 'aria-label': t('draft.editorLabel'), role: 'textbox', 'aria-multiline': 'true', 'aria-readonly': String(readOnly) },
      // Called with the view as `this`: ySyncPlugin dispatches while the view is being built.
      dispatchTransaction(this: EditorView, tr) {
        const next = this.state.apply(tr);
        this.updateState(next);
        if (tr.docChanged || tr.selectionSet) refresh(next);
      },
    });
    viewRef.current = view;
    refresh(view.state);
    const onAwareness = () => {
      const labels = numberingKey.getState(view.state)?.numbering.articleLabels;
      const list: Peer[] = [];
      provider.awareness.getStates().forEach((s, clientId) => {
        if (clientId === ydoc.clientID || !s.user) return;
        list.push({ clientId, name: s.user.name, color: s.user.color, article: s.article ? (labels?.get(s.article) ?? null) : null });
      });
      setPeers(list);
    };
    provider.awareness.on('change', onAwareness);
    return () => {
      provider.awareness.off('change', onAwareness);
      view.destroy();
      provider.destroy();
      ydoc.destroy();
      viewRef.current = null;
    };
  }, [draftId, collabUrl, user.id, user.name, readOnly]);

  const run = (command: Command) => () => {
    const view = viewRef.current;
    if (!view) return;
    command(view.state, view.dispatch, view);
    view.focus();
  };
  const tools: { label: string; keys: string; command: Command }[] = [
    { label: t('draft.newArticle'), keys: 'Ctrl+Enter', command: insertArticleAfter },
    { label: t('draft.newParagraph'), keys: 'Shift+Enter', command: insertParagraphAfter },
    { label: t('draft.makeItem'), keys: 'Tab', command: makeItem },
    { label: t('draft.indent'), keys: 'Tab', command: indentBlock },
    { label: t('draft.outdent'), keys: 'Shift+Tab', command: outdentBlock },
    { label: t('draft.moveUp'), keys: 'Alt+↑', command: moveStructural(-1) },
    { label: t('draft.moveDown'), keys: 'Alt+↓', command: moveStructural(1) },
    { label: t('draft.insertChapter'), keys: 'Ctrl+Alt+C', command: insertHeading('chapter') },
    { label: t('draft.insertSection'), keys: 'Ctrl+Alt+S', command: insertHeading('section') },
    { label: t('draft.undo'), keys: 'Ctrl+Z', command: undoCommand },
    { label: t('draft.redo'), keys: 'Ctrl+Y', command: redoCommand },
  ];
  const currentLabel = outline.find((o) => o.kind === 'article' && o.eid === currentArticle)?.label ?? null;
  const statusText = refused ?? (status === 'connected' ? (synced ? t('draft.statusSynced') : t('draft.statusSyncing')) : status === 'connecting' ? t('draft.statusConnecting') : t('draft.statusOffline'));
  return (
    <div className="draft-workspace">
      <div className="draft-bar">
        {!readOnly && (
          <div className="draft-toolbar" role="toolbar" aria-label={t('draft.toolbar')}>
            {tools.map((tool) => (
              <button key={tool.label} type="button" className="tool" onMouseDown={(e) => e.preventDefault()} onClick={run(tool.command)} title={`${tool.label} (${tool.keys})`}>
                {tool.label}
              </button>
            ))}
          </div>
        )}
        {readOnly && <p className="draft-readonly">{t('draft.readOnly')}</p>}
        <p className={`draft-status draft-status--${refused ? 'refused' : status}`} role="status" data-testid="draft-status" data-synced={synced ? 'true' : 'false'}>
          {statusText}
        </p>
        {currentLabel && (
          <a className="article-menu" href={`${historyBase}${encodeURIComponent(currentArticle!)}`} data-testid="article-history-link">
            {currentLabel} · {t('history.link')}
          </a>
        )}
        <ul className="presence" aria-label={t('draft.presence')} data-testid="presence">
          {peers.map((p) => (
            <li key={p.clientId} style={{ borderColor: p.color }}>
              <span className="presence__dot" style={{ background: p.color }} aria-hidden="true" />
              {p.name}
              {p.article && <span className="presence__where"> · {p.article}</span>}
            </li>
          ))}
        </ul>
      </div>
      <div className="draft-layout">
        <nav className="draft-outline" aria-label={t('draft.outline')}>
          <h2>{t('draft.outline')}</h2>
          {counts && <p className="draft-outline__counts">{t('draft.counts', counts)}</p>}
          <ol>
            {outline.map((o) => (
              <li key={`${o.eid}-${o.pos}`} className={`draft-outline__${o.kind}`}>
                <button
                  type="button"
                  onClick={() => {
                    const view = viewRef.current;
                    if (!view) return;
                    const dom = view.nodeDOM(o.pos) as HTMLElement | null;
                    dom?.scrollIntoView({ block: 'center' });
                  }}
                >
                  <span className="draft-outline__label">{o.label}</span> {o.text}
                </button>
              </li>
            ))}
          </ol>
        </nav>
        <div ref={mount} className="draft-editor-mount" data-testid="draft-editor" />
        <CommentsMargin draftId={draftId} articles={outline.filter((o) => o.kind === 'article').map((o) => ({ eid: o.eid, label: o.label }))} currentArticle={currentArticle} canComment={canComment} />
      </div>
    </div>
  );
}
