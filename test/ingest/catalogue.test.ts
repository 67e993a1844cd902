// The shipped catalogue (data/sources.yaml): valid, public https feeds only, and general outlets filtered to health.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadSources } from '../../ingest/sources.ts';
import { passesFilters } from '../../ingest/feeds/util.ts';
import type { FeedItem } from '../../core/records.ts';

const FILE = fileURLToPath(new URL('../../data/sources.yaml', import.meta.url));
const item = (title: string): FeedItem => ({
  source_id: 's',
  guid: title,
  link: 'https://a.example/x',
  title,
  published: null,
  summary: null,
  fetched_at: '2022-12-05T00:00:00Z',
});

describe('data/sources.yaml', () => {
  it('validates, uses https only and admits no private address', async () => {
    const cat = await loadSources(FILE);
    expect(cat.allow_private).toBeUndefined();
    expect(cat.sources.length).toBeGreaterThanOrEqual(20);
    for (const s of cat.sources) expect(s.url, s.id).toMatch(/^https:\/\/[a-z0-9.-]+\.[a-z]{2,}\//);
  });

  it('filters general outlets and vendor blogs to health stories', async () => {
    const { sources } = await loadSources(FILE);
    const byId = Object.fromEntries(sources.map((s) => [s.id, s]));
    for (const id of ['the-record', 'bleepingcomputer', 'unit42', 'cisco-talos']) {
      const f = { include: byId[id].include, exclude: byId[id].exclude };
      expect(passesFilters(item('Ransomware gang hits regional hospital'), f), id).toBe(true);
      expect(passesFilters(item('Crypto exchange loses millions to hackers'), f), id).toBe(false);
    }
    expect(passesFilters(item('Webinar: HIPAA compliance in 2023'), { exclude: byId['hipaa-journal'].exclude })).toBe(
      false,
    );
    expect(passesFilters(item('Cyberangriff legt Klinikum lahm'), { include: byId['heise-security'].include })).toBe(
      true,
    );
    expect(passesFilters(item("Cyberattaque contre l'hopital de Cannes"), { include: byId.zataz.include })).toBe(true);
  });

  it('claims no entry verified, and lists the healthcare sources of issue 20 with language, country and filters', async () => {
    const { sources } = await loadSources(FILE);
    // written offline: nothing has been seen answering, so nothing may say it has (`triage sources check` decides)
    for (const s of sources) expect(s.verified, s.id).toBe(false);
    const byId = Object.fromEntries(sources.map((s) => [s.id, s]));
    const added = ['hhs-hc3', 'cert-in', 'healthcare-it-news', 'beckers-health-it', 'cloudsek-blog', 'ethealthworld'];
    for (const id of [...added, 'express-healthcare', 'etciso', 'medianama', 'the-hindu-technology']) {
      expect(byId[id], id).toBeDefined();
      expect(byId[id].language).toBe('en');
      expect(byId[id].include?.length, `${id} is general: include keywords`).toBeGreaterThan(0);
    }
    expect(sources.filter((s) => s.country === 'IN').length).toBeGreaterThanOrEqual(6);
    for (const id of ['hhs-hc3', 'cert-in', 'cloudsek-blog']) expect(byId[id].links, id).toBeTruthy();
    const f = { include: byId.etciso.include, exclude: byId.etciso.exclude };
    expect(passesFilters(item('Ransomware attack hits AIIMS hospital servers'), f)).toBe(true);
    expect(passesFilters(item('Bank customers targeted by SIM swap fraud'), f)).toBe(false);
  });
});
