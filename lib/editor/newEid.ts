/// A fresh eid for a unit created in the editor (not taken from a number, since numbers move):
/// `art_n<random>`; 款/项/目 eids are prefixed with their kind.
export function newEid(kind: 'art' | 'para' | 'item' | 'sub' | 'chp' | 'sec' | 'part'): string {
  const bytes = new Uint8Array(6);
  crypto.getRandomValues(bytes);
  return `${kind}_n${Array.from(bytes, (b) => b.toString(36).padStart(2, '0')).join('')}`;
}
