/** `npm run settings:table`: the README's table of the settings, from their declaration. */
import { settingsTable } from '../server/core/settings.ts';

process.stdout.write(settingsTable());
