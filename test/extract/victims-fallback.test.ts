// Fallback victim: the likeliest organisation named in a relevant article whose victim no rule placed.
// Sentences written for these tests.
import { describe, it, expect } from 'vitest';
import { fallbackVictim } from '../../analyze/extract/victimfallback.ts';
import { sentences } from '../../analyze/extract/text.ts';
import { ref } from './helpers.ts';

const pick = (text: string) => fallbackVictim(text, sentences(text), ref).map((v) => v.name);

describe('fallback victim', () => {
  it('takes a health organisation named in the lead', () => {
    expect(
      pick(
        'Nurse accused of selling patient records\n\nA nurse at Ashgrove Valley Hospital in Leeds is accused of ' +
          'copying the files of hundreds of patients. Police said the nurse sold the data.',
      ),
    ).toEqual(['Ashgrove Valley Hospital']);
  });
  it('prefers the health organisation to a company named beside it', () => {
    expect(
      pick(
        'Records exposed\n\nA contractor of Brindle Software Inc. left the files of Marlow Heart Clinic open ' +
          'to anyone. Brindle Software Inc. said the error was fixed.',
      ),
    ).toEqual(['Marlow Heart Clinic']);
  });
  it('finds nobody in a text that names no organisation', () => {
    expect(pick('Patients worried\n\nMany patients said they were worried about their data after the breach.')).toEqual(
      [],
    );
  });
  it('never takes a lone word the text also writes in lower case', () => {
    expect(
      pick('Harbor hit\n\nThe Harbor said its systems were down; the harbor stayed open. Patients waited.'),
    ).toEqual([]);
  });
});
