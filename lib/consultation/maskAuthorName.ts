/// An author's name as the public sees it: the first character and asterisks (陈** for 陈小明,
/// J*** for John Smith), never more; `***` when the account no longer exists.
export function maskAuthorName(name: string | null): string {
  const first = name ? [...name.trim()][0] : undefined;
  if (!first) return '***';
  return /\p{Script=Latin}/u.test(first) ? `${first}***` : `${first}**`;
}
