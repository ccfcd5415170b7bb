/// Browsers ask for /favicon.ico on their own (on a feed or a file, where no page names the
/// icon): send them to the site's icon instead of a 404.
export function GET(request: Request) {
  return Response.redirect(new URL('/icon.svg', request.url), 308);
}
