#!/usr/bin/env node
// Runs the compiled CLI when built (npm run build), the TypeScript sources otherwise.
import { existsSync } from 'node:fs';

const built = new URL('../dist/server/cli/main.js', import.meta.url);
if (existsSync(built)) {
  await import(built.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('../src/cli/main.ts', import.meta.url).href);
}
