import type http from 'node:http';
import { requestLocale } from '@/lib/api';
import { translate } from '@/lib/i18n';
import { escapeHtml } from '@/lib/shared/escapeMarkup';

/// The page a reader gets when the database cannot be reached (a 503, see answerUnavailablePages):
/// what happened in their language (cookie, else Accept-Language), and a link to try the same
/// address again. Self-contained: no script, no stylesheet of the build.
export function unavailablePage(request: http.IncomingMessage): string {
  const locale = requestLocale({ get: (name) => [request.headers[name] ?? []].flat().join(', ') || null });
  const t = (key: Parameters<typeof translate>[1]) => escapeHtml(translate(locale, key));
  const again = escapeHtml(request.url?.startsWith('/') ? request.url : '/');
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${t('unavailable.title')}</title>
<style>body{margin:0;font-family:"Noto Sans CJK SC","WenQuanYi Micro Hei",system-ui,sans-serif;background:#faf8f5;color:#222}main{max-width:34rem;margin:12vh auto;padding:0 1.25rem}h1{font-size:1.5rem;border-top:3px solid #a4262c;padding-top:1rem}.site{color:#a4262c;font-weight:600;margin:0 0 .75rem}a{color:#a4262c}</style>
</head><body><main role="alert"><p class="site">${t('app.name')}</p><h1>${t('unavailable.title')}</h1><p>${t('err.database_unavailable')}</p><p><a href="${again}">${t('error.retry')}</a></p></main></body></html>`;
}

/// Lets a page request whose rendering failed because the database could not be reached (noted
/// on `state` by the data layer) be answered with `unavailablePage` and a 503 with `Retry-After`
/// instead of the generic 500 error page. API routes answer their own 503 (JSON), and client
/// navigations (`rsc`) are left to the router; everything else passes through untouched.
export function answerUnavailablePages(request: http.IncomingMessage, response: http.ServerResponse, state: { databaseUnavailable: boolean }): void {
  const asksForPage = (request.method === 'GET' || request.method === 'HEAD') && !request.headers.rsc && !request.url?.startsWith('/api/');
  if (!asksForPage) return;
  const original = { writeHead: response.writeHead.bind(response), write: response.write.bind(response), end: response.end.bind(response) };
  let replaced = false;
  const replace = (status: number): boolean => {
    if (replaced) return true;
    if (status !== 500 || !state.databaseUnavailable || response.headersSent) return false;
    replaced = true;
    for (const name of response.getHeaderNames()) response.removeHeader(name);
    const body = unavailablePage(request);
    original.writeHead(503, { 'content-type': 'text/html; charset=utf-8', 'retry-after': '5', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(body) });
    original.end(request.method === 'HEAD' ? undefined : body);
    return true;
  };
  response.writeHead = ((status: number, ...rest: unknown[]) => (replace(status) ? response : (original.writeHead as (...a: unknown[]) => http.ServerResponse)(status, ...rest))) as typeof response.writeHead;
  response.write = ((...args: unknown[]) => (replace(response.statusCode) ? true : (original.write as (...a: unknown[]) => boolean)(...args))) as typeof response.write;
  response.end = ((...args: unknown[]) => (replace(response.statusCode) ? response : (original.end as (...a: unknown[]) => http.ServerResponse)(...args))) as typeof response.end;
}
