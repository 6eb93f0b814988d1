// Browser tests need the built web app and Debian's Chromium. CI installs Chromium and must run them;
// on a workstation without it they are skipped with a loud notice rather than failing the whole suite.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  const message = `Chromium is not installed at ${CHROMIUM}; install it with: sudo apt-get install -y chromium`;
  if (process.env.CI) {
    console.error(`browser tests: ${message}`);
    process.exit(1);
  }
  console.warn(`\n*** browser tests SKIPPED: ${message} ***\n`);
  process.exit(0);
}

const run = (cmd, args) => {
  const result = spawnSync(cmd, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};
run('npx', ['vite', 'build', '--logLevel', 'warn']);
run('npx', ['vitest', 'run', '--config', 'vitest.browser.config.ts']);
