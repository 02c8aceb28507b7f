/** `npm run settings:table [build]`: a table of the settings, from their declaration. */
import { settingsTable } from './table.ts';

process.stdout.write(settingsTable(process.argv[2] === 'build' ? 'build' : 'run'));
