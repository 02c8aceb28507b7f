/**
 * Under `astro dev`, what every page answers while the content has a mistake: the build's own
 * message (the file, the line, what to write instead), never the page with another language or
 * an older text in its place. It reloads by itself once the file is fixed.
 */
import { escapeMarkup } from '../lib/escape-markup';
import { contentProblems } from '../loaders/content-problems';

/** The error page, or undefined while the content has no mistake. */
export function contentProblemsPage(): Response | undefined {
  const problems = contentProblems();
  if (problems.length === 0) return undefined;
  const html = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Content error</title>
    <script type="module" src="/@vite/client"></script>
  </head>
  <body>
    <h1>The content has a mistake</h1>
    <p>The build stops with this message. Fix the file and save it: this page reloads by itself.</p>
    ${problems.map((problem) => `<pre>${escapeMarkup(problem)}</pre>`).join('\n    ')}
  </body>
</html>
`;
  return new Response(html, {
    status: 500,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}
