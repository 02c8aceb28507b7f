/**
 * Where the editor commits in production, from the build's environment: no secret, only the
 * repository's name. Netlify sets REPOSITORY_URL and BRANCH on its builds by itself.
 */
import type { Backend } from './decap-config';

/**
 * The git host, e.g. { CMS_REPO: 'polo/sito' } => GitHub, repository polo/sito, branch main;
 * with no repository known, Netlify's Git Gateway (Netlify Identity accounts).
 */
export function backendFromEnv(env: Record<string, string | undefined>): Backend {
  const fromUrl = env['REPOSITORY_URL']?.match(/github\.com[/:]([^/]+\/[^/.]+)/)?.[1];
  const repo = env['CMS_REPO'] ?? fromUrl;
  const branch = env['CMS_BRANCH'] ?? env['BRANCH'] ?? 'main';
  if (!repo) return { name: 'git-gateway', branch };
  return {
    name: env['CMS_BACKEND'] ?? 'github',
    repo,
    branch,
    // GitHub's login goes through the site's Netlify OAuth app (its secret stays at Netlify).
    ...(env['CMS_AUTH_URL'] ? { base_url: env['CMS_AUTH_URL'] } : {}),
  };
}
