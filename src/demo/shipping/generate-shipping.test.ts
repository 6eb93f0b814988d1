import { describe, expect, it } from 'vitest';
import { semverOf } from '../../modules/shipping/releases/contract.js';
import { parseDay } from '../adoption-dates.js';
import { generateDemoAdoption } from '../generate-adoption.js';
import { generateDemoCatalog } from '../generate-catalog.js';
import { generateDemoVoice } from '../voice/generate-voice.js';
import { generateDemoShipping } from './generate-shipping.js';

const TODAY = new Date('2026-11-25T09:30:00Z');
const catalog = generateDemoCatalog(42);
const adoption = generateDemoAdoption(catalog, 42, TODAY);
const voice = generateDemoVoice(catalog, adoption, 42, TODAY);
const plan = generateDemoShipping(catalog, adoption, voice, 42, TODAY);

/** Semver precedence for plain x.y.z versions. */
const compare = (a: string, b: string) => {
  const [x, y] = [a, b].map((v) => v.split('.').map(Number)) as [number[], number[]];
  return (x[0]! - y[0]!) * 1e6 + (x[1]! - y[1]!) * 1e3 + (x[2]! - y[2]!);
};

describe('generateDemoShipping', () => {
  it('is the same plan for the same inputs', () => {
    expect(generateDemoShipping(catalog, adoption, voice, 42, TODAY)).toEqual(plan);
  });

  it('gives every capability a changelog of valid, rising versions before today, a few without notes', () => {
    const byCapability = new Map<string, typeof plan.releases>();
    for (const r of plan.releases) byCapability.set(r.capability, [...(byCapability.get(r.capability) ?? []), r]);
    expect(byCapability.size).toBe(catalog.capabilities.length);
    for (const releases of byCapability.values()) {
      const versions = releases.map((r) => r.version);
      expect(new Set(versions).size).toBe(versions.length);
      for (const v of versions) expect(semverOf(v)).toBe(v);
      const byDate = [...releases].sort((a, b) => a.date.localeCompare(b.date));
      for (let i = 1; i < byDate.length; i++)
        expect(compare(byDate[i]!.version, byDate[i - 1]!.version)).toBeGreaterThan(0);
    }
    for (const r of plan.releases) expect(r.date < '2026-11-25').toBe(true);
    const silent = plan.releases.filter((r) => r.notes === '').length;
    expect(silent).toBeGreaterThan(0);
    expect(silent / plan.releases.length).toBeLessThan(0.2);
  });

  it('closes only done requests and fixed bugs of the voice plan, each once, on or after it was closed', () => {
    const items = new Map(voice.items.map((i) => [i.key, i]));
    const closed = plan.releases.flatMap((r) => r.closes.map((c) => ({ ...c, release: r })));
    expect(closed.length).toBeGreaterThan(10);
    expect(new Set(closed.map((c) => c.key)).size).toBe(closed.length);
    for (const c of closed) {
      const item = items.get(c.key);
      expect(item?.kind).toBe(c.kind);
      expect(item?.capability).toBe(c.release.capability);
      if (c.kind === 'request') expect(item?.requestStatus).toBe('done');
      expect(c.release.date.slice(0, 10) >= (item?.closedAt ?? '').slice(0, 10)).toBe(true);
    }
  });

  it('deprecates the Jenkins shared library fifteen months ago with a deadline two weeks ago', () => {
    const deprecations = plan.releases.filter((r) => r.type === 'deprecation');
    expect(deprecations.map((r) => [r.capability, r.version, r.date.slice(0, 10), r.deadline])).toEqual([
      ['jenkins-shared-library', '5.0.0', '2025-08-25', '2026-11-11'],
    ]);
  });

  it('holds demos attended by teams that had not adopted yet, some of which adopted within 60 days', () => {
    expect(plan.demos.length).toBeGreaterThan(8);
    const adopted = new Map(adoption.teams.map((t) => [`${t.team} ${t.capability}`, parseDay(t.adoptedOn)]));
    let converted = 0;
    let eligible = 0;
    for (const demo of plan.demos) {
      const at = parseDay(demo.date);
      for (const { team } of demo.attendance) {
        const on = adopted.get(`${team} ${demo.capability}`);
        expect(on === undefined || on > at).toBe(true);
        eligible++;
        if (on !== undefined && on <= at + 60) converted++;
      }
    }
    expect(converted / eligible).toBeGreaterThan(0.2);
    expect(converted / eligible).toBeLessThan(0.8);
  });
});
