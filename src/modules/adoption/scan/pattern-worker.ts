/**
 * The code of the worker thread that runs detect patterns, as plain JavaScript evaluated by `new Worker(…,
 * { eval: true })`. A string rather than a module file, so it runs the same under tsx, vitest and the built
 * server without a loader for TypeScript workers.
 *
 * Message in: `{ id, text, patterns }`. Message out: `{ id, hits }`, one entry per pattern: `[line, text]` of the
 * first matching line (1-based, trimmed, at most 200 characters) or null. Before each pattern it writes
 * `[id, patternIndex]` into the shared progress array, so the parent can name the pattern that ran away.
 */
export const PATTERN_WORKER_SOURCE = `
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const progress = new Int32Array(workerData.progress);
const compiled = new Map();

function regex(pattern) {
  let re = compiled.get(pattern);
  if (re === undefined) {
    try { re = new RegExp(pattern); } catch { re = null; }
    compiled.set(pattern, re);
  }
  return re;
}

parentPort.on('message', (message) => {
  const lines = message.text.split('\\n');
  const hits = [];
  for (let p = 0; p < message.patterns.length; p++) {
    Atomics.store(progress, 0, message.id);
    Atomics.store(progress, 1, p);
    const re = regex(message.patterns[p]);
    let hit = null;
    if (re !== null) {
      for (let i = 0; i < lines.length; i++) {
        let line = lines[i];
        if (line.endsWith('\\r')) line = line.slice(0, -1);
        if (re.test(line)) {
          hit = [i + 1, line.trim().slice(0, 200)];
          break;
        }
      }
    }
    hits.push(hit);
  }
  Atomics.store(progress, 1, -1);
  parentPort.postMessage({ id: message.id, hits });
});
`;
