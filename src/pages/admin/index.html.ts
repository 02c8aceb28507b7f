/**
 * /admin/: the page of the editor. A plain page, not an Astro layout: the editor brings its own
 * interface, and the site's per-page CSP would block the styles it makes as it runs (its own
 * CSP is in public/_headers). Never indexed, never in the sitemap.
 */
export function GET() {
  const html = `<!doctype html>
<html lang="it">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="robots" content="noindex, nofollow">
    <title>Redazione · Polo Sociale Integrato di Siracusa</title>
    <!-- A refused save lists one problem per line. -->
    <style>.Toastify__toast-body { white-space: pre-line; }</style>
    <!-- Each line of a field reads in its own direction: Arabic from the right, its full stop
         at its end, in the same form as Italian (Decap sets no direction on a language's pane). -->
    <style>input, textarea, [contenteditable] > * { unicode-bidi: plaintext; text-align: start; }</style>
    <script type="module" src="/admin/polo-cms.js"></script>
  </head>
  <body>
    <noscript>L’editor del sito ha bisogno di JavaScript.</noscript>
  </body>
</html>
`;
  return new Response(html, { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
}
