/// The prefix of a unit's eid, by kind.
export type EidKind = 'art' | 'para' | 'item' | 'sub' | 'chp' | 'sec' | 'part';

/// The eid prefix of each node type of the draft that carries an eid.
export const eidPrefixOf: Readonly<Record<string, EidKind>> = {
  article: 'art',
  paragraph: 'para',
  item: 'item',
  subitem: 'sub',
  chapter_heading: 'chp',
  section_heading: 'sec',
  part_heading: 'part',
};

/// A fresh eid for a unit created in the editor (not taken from a number, since numbers move):
/// `art_n<random>`; 款/项/目 eids are prefixed with their kind.
export function newEid(kind: EidKind): string {
  const bytes = new Uint8Array(6);
  crypto.getRandomValues(bytes);
  return `${kind}_n${Array.from(bytes, (b) => b.toString(36).padStart(2, '0')).join('')}`;
}
