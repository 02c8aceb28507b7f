import { resolve } from 'node:path';

/**
 * Folder of the site's content. `POLO_CONTENT_DIR` points a build at another copy
 * (the tests build broken copies to check the editors' error messages).
 */
export const contentDir = resolve(process.env['POLO_CONTENT_DIR'] ?? 'content');
