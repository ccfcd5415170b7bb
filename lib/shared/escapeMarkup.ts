/// Characters XML 1.0 does not allow (C0 controls other than tab, LF and CR; U+FFFE, U+FFFF;
/// unpaired surrogates): text pasted from elsewhere may carry them, a file we write must not.
const notXml = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/// Text safe inside XML content and attribute values (Word and Excel parts, feeds): the five
/// special characters escaped, characters XML cannot carry dropped.
export function escapeXml(text: string): string {
  return escapeHtml(dropNonXml(text));
}

/// The text without the characters XML 1.0 cannot carry.
export function dropNonXml(text: string): string {
  return text.replace(notXml, '');
}

/// Text safe inside HTML content and attribute values.
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
