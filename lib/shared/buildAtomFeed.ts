import { Feed } from 'feed';
import { dropNonXml, escapeHtml } from './escapeMarkup';

/// One entry of an Atom feed. Texts are plain text, never markup.
export interface AtomEntry {
  id: string;
  title: string;
  link: string;
  updated: Date;
  published?: Date;
  summary: string;
}

/// An Atom feed: its permanent id, title, its own address and the page it mirrors.
export interface AtomFeed {
  id: string;
  title: string;
  selfLink: string;
  alternateLink: string;
  updated: Date;
  author: string;
  entries: AtomEntry[];
}

/// Entry texts escaped as HTML, because the `feed` package marks titles and summaries
/// `type="html"`: a reader then shows `<b>` as the three characters a person typed, not as markup.
function plain(text: string): string {
  return escapeHtml(dropNonXml(text));
}

/// The Atom 1.0 document of a feed, written by the `feed` package.
export function buildAtomFeed(atom: AtomFeed): string {
  const feed = new Feed({
    id: dropNonXml(atom.id),
    title: dropNonXml(atom.title),
    updated: atom.updated,
    link: atom.alternateLink,
    feedLinks: { atom: atom.selfLink },
    author: { name: atom.author },
    generator: false,
  });
  for (const entry of atom.entries) {
    feed.addItem({ id: dropNonXml(entry.id), title: plain(entry.title), link: entry.link, date: entry.updated, published: entry.published, description: plain(entry.summary) });
  }
  return feed.atom1();
}
