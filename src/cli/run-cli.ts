/**
 * What the operators' commands share: output that cannot act on a terminal (see terminal.ts),
 * and how a failure is told. One line on standard error, and an exit code a script can act
 * on: 2 for a mistake in the command line (followed by the usage) or in the setup, 1 for
 * anything else.
 */
import { SettingsError } from '../settings/settings.ts';
import { guardTerminal } from './terminal.ts';

/** A mistake in the command line: told with the usage. */
export class UsageError extends Error {}

type ErrorClass = abstract new (...args: never[]) => Error;

export function runCli(
  name: string,
  usage: string,
  main: (argv: string[]) => Promise<void>,
  /** Errors of the setup besides the settings', e.g. a site not built yet. */
  setupErrors: ErrorClass[] = [],
): void {
  guardTerminal();
  main(process.argv.slice(2)).catch((error: unknown) => {
    if (
      error instanceof UsageError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    ) {
      console.error(`${name}: ${(error as Error).message}\n\n${usage}`);
      process.exitCode = 2;
    } else if ([SettingsError, ...setupErrors].some((kind) => error instanceof kind)) {
      console.error(`${name}: ${(error as Error).message}`);
      process.exitCode = 2;
    } else {
      console.error(`${name}: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    }
  });
}
