// Relevance: rules (an actual incident, a healthcare victim) combined with a naive Bayes score on the lead.
import type { Victim } from '../../core/records.ts';
import type { RelevanceModel } from './classifier.ts';
import { predictRelevance } from './classifier.ts';
import { INCIDENT } from './victims.ts';
import type { Span } from './text.ts';

// Articles about ransomware in general, advisories or policy have incident words but no incident.
const TREND = /\b(?:report(?:ed)? (?:found|finds|shows)|survey|advisory|according to (?:a|the) (?:report|study)|in the first half|per cent of|percent of|year-on-year)\b/i;

/** Is there an actual incident told in the article (not just words about cyber risk)? */
export function hasIncident(sents: Span[], victimsFound: boolean): boolean {
  return victimsFound && sents.some((s) => INCIDENT.test(s.text));
}

export function relevance(model: RelevanceModel, title: string | null, sents: Span[], victims: Victim[], incident: boolean): number {
  const lead = [title ?? '', ...sents.slice(0, 3).map((s) => s.text)];
  const nb = lead.reduce((a, t) => a + predictRelevance(model, t), 0) / lead.length;
  const health = victims.some((v) => v.sector !== 'other');
  const trendy = sents.slice(0, 3).some((s) => TREND.test(s.text));
  const rule = incident && health ? (trendy ? 0.6 : 1) : incident || health ? 0.25 : 0;
  return Math.round((0.65 * rule + 0.35 * nb) * 1000) / 1000;
}
