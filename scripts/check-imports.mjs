// Fails when the source has an import cycle, type-only imports included: a cycle ties files that should stand
// apart (STYLE.md, "Layout"). ESLint's no-restricted-imports keeps the layers apart; this finds the loops.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const walk = (dir) =>
  readdirSync(dir).flatMap((name) =>
    statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)],
  );
const files = new Set(
  walk(join(root, 'src')).filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) && !f.endsWith('.d.ts')),
);

const specifiers =
  /(?:import|export)\s+(?:type\s+)?(?:[^'"`;]*?\sfrom\s+)?['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g;
function target(from, spec) {
  const base = resolve(dirname(from), spec);
  const candidates = [
    base,
    base.replace(/\.js$/, '.ts'),
    base.replace(/\.js$/, '.tsx'),
    `${base}.ts`,
    `${base}.tsx`,
    join(base, 'index.ts'),
  ];
  return candidates.find((c) => files.has(c)) ?? null;
}
const edges = new Map(
  [...files].map((f) => [
    f,
    [...readFileSync(f, 'utf8').matchAll(specifiers)].map((m) => target(f, m[1] ?? m[2])).filter(Boolean),
  ]),
);

// Tarjan's strongly connected components: each component of more than one file is a cycle.
let counter = 0;
const index = new Map();
const low = new Map();
const stack = [];
const onStack = new Set();
const cycles = [];
function visit(v) {
  index.set(v, counter);
  low.set(v, counter++);
  stack.push(v);
  onStack.add(v);
  for (const w of edges.get(v)) {
    if (!index.has(w)) {
      visit(w);
      low.set(v, Math.min(low.get(v), low.get(w)));
    } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
  }
  if (low.get(v) !== index.get(v)) return;
  const component = [];
  let w;
  do {
    w = stack.pop();
    onStack.delete(w);
    component.push(relative(root, w));
  } while (w !== v);
  if (component.length > 1) cycles.push(component.sort());
}
for (const f of files) if (!index.has(f)) visit(f);

if (cycles.length > 0) {
  console.error(`import cycles (${cycles.length}); break each by moving what both sides need into a file of its own:`);
  for (const c of cycles) console.error(`  ${c.join(' <-> ')}`);
  process.exit(1);
}
console.log(`import cycles: none among ${files.size} source files`);
