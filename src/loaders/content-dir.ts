import { resolve } from 'node:path';
import { buildSettings } from '../settings/settings.ts';

/**
 * Folder of the site's content. `POLO_CONTENT_DIR` points a build at another copy
 * (the tests build broken copies to check the editors' error messages).
 */
export const contentDir = resolve(buildSettings().contentDir);
