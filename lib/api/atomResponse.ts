/// Where a browser that opens a feed is sent: the page that explains feeds and lists them.
export const feedsPage = '/feeds';

/// True for a top-level page load by a browser (someone clicked or typed the feed's address),
/// which feed readers never are: they fetch without `Sec-Fetch-Dest: document`.
export function isBrowserNavigation(headers: Headers): boolean {
  return headers.get('sec-fetch-dest') === 'document' && (headers.get('accept') ?? '').includes('text/html');
}

/// An Atom feed for readers. A browser opening the same address is sent (303) to the feeds page,
/// which names this feed, gives its address to copy into a reader and links to the same content
/// as web pages, instead of showing raw XML.
export function atomResponse(request: Request, xml: string): Response {
  const vary = 'Accept, Sec-Fetch-Dest';
  if (isBrowserNavigation(request.headers)) {
    const path = new URL(request.url).pathname;
    return new Response(null, { status: 303, headers: { location: `${feedsPage}?feed=${encodeURIComponent(path)}`, vary, 'cache-control': 'no-store' } });
  }
  return new Response(xml, { headers: { 'content-type': 'application/atom+xml; charset=utf-8', 'cache-control': 'public, max-age=300', vary } });
}
