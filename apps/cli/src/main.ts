import 'reflect-metadata';
import { loadConfigOrExit } from '@lifelong/common';
import { certificateKeys } from './certificate-keys.command';
import { migrate } from './migrate.command';
import { seedDemo } from './seed-demo.command';
import { up } from './up.command';

const COMMANDS: Record<string, (args: string[]) => Promise<void>> = {
  migrate: () => migrate(loadConfigOrExit()),
  'seed-demo': () => seedDemo(loadConfigOrExit()),
  up: () => up(),
  'certificate-keys': (args) => {
    process.stdout.write(certificateKeys(args));
    return Promise.resolve();
  },
};

async function main(): Promise<void> {
  const [name = '', ...args] = process.argv.slice(2);
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`Usage: lifelong <${Object.keys(COMMANDS).join('|')}>\n`);
    process.exit(64);
  }
  await command(args);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
