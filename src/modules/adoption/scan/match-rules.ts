import type { ObjectReader } from './object-reader.js';
import type { CompiledCapabilities, CompiledRule } from './compile-rules.js';
import {
  kindEcosystem,
  manifestKind,
  parseManifest,
  type DeclaredDependencies,
  type Ecosystem,
  type ManifestKind,
} from './manifests.js';
import type { PatternMatcher, PatternOutcome } from './pattern-matcher.js';
import { SYMLINK_MODE, type FileEntry } from './read-tree.js';

/** Why a capability matches: the rule (index in its `spec.detect`), the file, and the line when there is one. */
export interface Evidence {
  ruleIndex: number;
  file: string;
  line: number | null;
  /** The matched line (or the manifest line naming the dependency), trimmed, at most 200 characters. */
  text: string | null;
}

/** Files over this size are not read, neither for patterns nor as manifests. */
export const MAX_READ_BYTES = 1024 * 1024;
/** git's own test: a NUL byte in the first 8000 bytes makes a file binary. */
const BINARY_PROBE = 8000;

type FilesRule = Extract<CompiledRule, { kind: 'files' }>;

interface PathClass {
  rules: FilesRule[];
  manifest: ManifestKind | null;
  ecosystem: Ecosystem | null;
  /** Filled on first use by `relevantTo`. */
  relevantTo?: number[];
}

const NOTHING: PathClass = { rules: [], manifest: null, ecosystem: null, relevantTo: [] };

interface BlobFacts {
  unread: 'binary' | 'large' | 'missing' | null;
  patterns: Map<string, PatternOutcome>;
  manifests: Map<ManifestKind, DeclaredDependencies | null>;
}

interface BlobNeeds {
  size: number | null;
  patterns: Set<string>;
  manifests: Set<ManifestKind>;
}

/**
 * Evaluates detect rules on sets of files (a commit's tree or part of it). Facts are kept per blob id, so a file
 * that did not change between two commits is read and matched once; `prepare` reads what is missing (blobs through
 * the one cat-file process, patterns through the worker, both pipelined), `evidence` then answers from memory.
 */
export class RuleEvaluator {
  readonly problems = new Set<string>();
  private readonly classes = new Map<string, PathClass>();
  private readonly facts = new Map<string, BlobFacts>();
  /** Per capability, the ecosystems its dependency rules name. */
  private readonly ecosystems: Set<Ecosystem>[];

  constructor(
    private readonly compiled: CompiledCapabilities,
    private readonly reader: ObjectReader,
    private readonly matcher: PatternMatcher,
  ) {
    this.ecosystems = compiled.capabilities.map(
      (c) => new Set(c.rules.flatMap((r) => (r.kind === 'dependency' ? [r.ecosystem] : []))),
    );
  }

  /** The entries any rule can look at: matched by a files glob, or a manifest of an ecosystem some rule names. */
  interesting(entries: FileEntry[]): FileEntry[] {
    const ecosystems = new Set(this.ecosystems.flatMap((set) => [...set]));
    return entries.filter((entry) => {
      const cls = this.classify(entry.path);
      return cls.rules.length > 0 || (cls.ecosystem !== null && ecosystems.has(cls.ecosystem));
    });
  }

  /** The capabilities whose rules look at this path: matched by one of their globs, or a manifest they read. */
  relevantTo(path: string): readonly number[] {
    const cls = this.classify(path);
    if (cls.relevantTo === undefined) {
      const capabilities = new Set(cls.rules.map((rule) => rule.capability));
      if (cls.ecosystem !== null)
        this.ecosystems.forEach((set, c) => set.has(cls.ecosystem as Ecosystem) && capabilities.add(c));
      cls.relevantTo = [...capabilities];
    }
    return cls.relevantTo;
  }

  /** Reads and matches what `evidence` will need for these capabilities on these entries. */
  async prepare(entries: FileEntry[], capabilities: ReadonlySet<number>): Promise<void> {
    const needs = new Map<string, BlobNeeds>();
    for (const entry of entries) {
      if (entry.mode === SYMLINK_MODE) continue;
      const known = this.facts.get(entry.oid);
      if (known?.unread) continue;
      const cls = this.classify(entry.path);
      for (const rule of cls.rules) {
        if (rule.pattern === null || !capabilities.has(rule.capability) || known?.patterns.has(rule.pattern)) continue;
        needsOf(needs, entry).patterns.add(rule.pattern);
      }
      if (
        cls.manifest &&
        cls.ecosystem &&
        !known?.manifests.has(cls.manifest) &&
        this.wantsManifest(cls.ecosystem, capabilities)
      ) {
        needsOf(needs, entry).manifests.add(cls.manifest);
      }
    }
    await Promise.all([...needs].map(([oid, need]) => this.load(oid, need)));
  }

  /** Evidence that a capability matches on prepared entries, in rule then file order, at most `limit` per rule. */
  evidence(capability: number, entries: FileEntry[], limit: number, where = ''): Evidence[] {
    const rules = this.compiled.capabilities[capability]?.rules ?? [];
    const byRule: Evidence[][] = rules.map(() => []);
    for (const entry of entries) {
      const cls = this.classify(entry.path);
      rules.forEach((rule, i) => {
        const list = byRule[i] as Evidence[];
        if (list.length >= limit) return;
        const item = this.evidenceOf(rule, entry, cls, where);
        if (item) list.push(item);
      });
    }
    return byRule.flat();
  }

  /** Whether a capability matches on prepared entries; stops at the first evidence. */
  matches(capability: number, entries: Iterable<FileEntry>, where = ''): boolean {
    const rules = this.compiled.capabilities[capability]?.rules ?? [];
    for (const entry of entries) {
      const cls = this.classify(entry.path);
      if (rules.some((rule) => this.evidenceOf(rule, entry, cls, where) !== null)) return true;
    }
    return false;
  }

  private evidenceOf(rule: CompiledRule, entry: FileEntry, cls: PathClass, where: string): Evidence | null {
    const capability = this.compiled.capabilities[rule.capability]?.name ?? '?';
    if (rule.kind === 'files') {
      if (!cls.rules.includes(rule)) return null;
      if (rule.pattern === null) return { ruleIndex: rule.ruleIndex, file: entry.path, line: null, text: null };
      if (entry.mode === SYMLINK_MODE) return null;
      const facts = this.facts.get(entry.oid);
      if (facts?.unread === 'large')
        this.problems.add(`${entry.path}${where} is over 1 MB; not read for the pattern of ${capability}`);
      if (facts?.unread === 'missing')
        this.problems.add(`${entry.path}${where}: object ${entry.oid} is missing; not read`);
      const outcome = facts?.patterns.get(rule.pattern);
      if (outcome === 'timeout') {
        this.problems.add(
          `pattern of ${capability} (detect[${rule.ruleIndex}]) ran longer than ${this.matcher.budgetMs} ms on ${entry.path}${where}; skipped`,
        );
        return null;
      }
      return outcome ? { ruleIndex: rule.ruleIndex, file: entry.path, line: outcome.line, text: outcome.text } : null;
    }
    if (cls.ecosystem !== rule.ecosystem || cls.manifest === null) return null;
    const declared = this.facts.get(entry.oid)?.manifests.get(cls.manifest);
    if (declared === null)
      this.problems.add(`${entry.path}${where} is not a readable ${rule.ecosystem} manifest; skipped`);
    const found = declared?.get(rule.name);
    return found ? { ruleIndex: rule.ruleIndex, file: entry.path, line: found.line, text: found.text } : null;
  }

  private classify(path: string): PathClass {
    let cls = this.classes.get(path);
    if (cls) return cls;
    let rules: FilesRule[] | null = null;
    for (const glob of this.compiled.globs) if (glob.test(path)) (rules ??= []).push(...glob.rules);
    const manifest = manifestKind(path);
    // Most paths match nothing: they share one object rather than each allocating its own.
    cls =
      rules === null && manifest === null
        ? NOTHING
        : { rules: rules ?? [], manifest, ecosystem: manifest === null ? null : kindEcosystem(manifest) };
    this.classes.set(path, cls);
    return cls;
  }

  private wantsManifest(ecosystem: Ecosystem, capabilities: ReadonlySet<number>): boolean {
    for (const c of capabilities) {
      if (this.compiled.capabilities[c]?.rules.some((r) => r.kind === 'dependency' && r.ecosystem === ecosystem))
        return true;
    }
    return false;
  }

  private async load(oid: string, need: BlobNeeds): Promise<void> {
    let facts = this.facts.get(oid);
    if (!facts) this.facts.set(oid, (facts = { unread: null, patterns: new Map(), manifests: new Map() }));
    if (need.size !== null && need.size > MAX_READ_BYTES) {
      facts.unread = 'large';
      return;
    }
    const blob = await this.reader.read(oid, MAX_READ_BYTES);
    if (blob === null || blob.type !== 'blob' || blob.content === null) {
      facts.unread = blob === null || blob.type !== 'blob' ? 'missing' : 'large';
      return;
    }
    const probe = blob.content.subarray(0, BINARY_PROBE);
    if (probe.includes(0)) {
      facts.unread = 'binary';
      return;
    }
    const text = blob.content.toString('utf8');
    for (const kind of need.manifests) facts.manifests.set(kind, parseManifest(kind, text));
    if (need.patterns.size > 0) {
      const patterns = [...need.patterns];
      const outcomes = await this.matcher.match(text, patterns);
      patterns.forEach((pattern, i) => facts.patterns.set(pattern, outcomes[i] ?? null));
    }
  }
}

function needsOf(needs: Map<string, BlobNeeds>, entry: FileEntry): BlobNeeds {
  let need = needs.get(entry.oid);
  if (!need) needs.set(entry.oid, (need = { size: entry.size, patterns: new Set(), manifests: new Set() }));
  return need;
}
