// Names from the HHS breach list (hhsEntries): split, cleaned, and matched only as written. Names written for
// these tests.
import { describe, it, expect } from 'vitest';
import { buildGazetteer, findGazetteer, hhsEntries } from '../../analyze/extract/gazetteer.ts';

const CSV = [
  'name,state,entity_type,individuals_affected,submitted,breach_type',
  '"Quillon Valley Hospital, Inc. d/b/a Quillon Care",OH,Healthcare Provider,900,2020-01-01,Hacking/IT Incident',
  'Marrowfield Health - Eastside,TX,Healthcare Provider,700,2021-01-01,Hacking/IT Incident',
  'Dr. Jane Roe DDS,TX,Healthcare Provider,700,2021-01-01,Theft',
  'Harbor,CA,Healthcare Provider,600,2021-01-01,Theft',
  'Tarnwick Freight,CA,Health Plan,600,2021-01-01,Theft',
  'Zelvora,CA,Healthcare Provider,600,2021-01-01,Hacking/IT Incident',
].join('\n');
const entries = hhsEntries(CSV, new Map());
const gaz = buildGazetteer([], entries);
const hits = (text: string) => findGazetteer(gaz, text).map((h) => text.slice(h.start, h.end));

describe('HHS breach list names', () => {
  it("splits d/b/a, drops legal forms, branches, practices and employers' plans", () => {
    expect(entries.map((e) => e.name)).toEqual([
      'Quillon Valley Hospital',
      'Quillon Care',
      'Marrowfield Health',
      'Harbor',
      'Zelvora',
    ]);
  });
  it('matches a name only as written and not inside a longer name', () => {
    expect(hits('Hackers hit Quillon Care on Monday.')).toEqual(['Quillon Care']);
    expect(hits('Hackers hit QUILLON CARE and quillon care.')).toEqual([]);
    expect(hits('The Marrowfield Health Foundation said so.')).toEqual([]);
  });
  it('takes a one-word name only when the text never writes it in lower case', () => {
    expect(hits('Zelvora was attacked. Zelvora said patients were told.')).toEqual(['Zelvora', 'Zelvora']);
    expect(hits('Harbor was attacked. Harbor said the harbor was closed.')).toEqual([]);
  });
});
