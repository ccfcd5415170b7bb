/// Where browsers and API clients reach the collaboration server: `COLLAB_PUBLIC_URL` when set,
/// else the host the request came to, on `COLLAB_PORT`.
export function collabPublicUrl(hostHeader: string | null, secure: boolean): string {
  if (process.env.COLLAB_PUBLIC_URL) return process.env.COLLAB_PUBLIC_URL;
  const host = (hostHeader ?? 'localhost').replace(/:\d+$/, '');
  return `${secure ? 'wss' : 'ws'}://${host}:${process.env.COLLAB_PORT || 1234}`;
}
