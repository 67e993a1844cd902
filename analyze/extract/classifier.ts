// A small multinomial naive Bayes over word unigrams, trained at load time on our own labelled snippets
// (data/reference/relevance-train.jsonl). Kept in-house: natural's tokenizers drop non-ASCII letters.
import { tokens } from './text.ts';

export interface RelevanceModel {
  logPrior: [number, number];
  logLik: [Map<string, number>, Map<string, number>];
  unseen: [number, number];
}

const STOP = new Set(['the', 'a', 'an', 'of', 'to', 'in', 'and', 'on', 'for', 'at', 'by', 'with', 'is', 'was', 'it', 'its', 'that', 'as', 'be', 'has', 'have', 'are', 'were', 'from', 'this', 'or', 'said']);
const feats = (text: string) => tokens(text).filter((t) => !STOP.has(t) && !/^\d+$/.test(t));

export function trainRelevance(jsonl: string): RelevanceModel {
  const counts: [Map<string, number>, Map<string, number>] = [new Map(), new Map()];
  const totals = [0, 0], docs = [0, 0];
  for (const line of jsonl.split('\n')) {
    if (!line.trim()) continue;
    const { text, label } = JSON.parse(line) as { text: string; label: number };
    const y = label ? 1 : 0;
    docs[y]!++;
    for (const f of feats(text)) { counts[y].set(f, (counts[y].get(f) ?? 0) + 1); totals[y]!++; }
  }
  const vocab = new Set([...counts[0].keys(), ...counts[1].keys()]).size;
  const lik = (y: 0 | 1) => {
    const m = new Map<string, number>();
    for (const [f, c] of counts[y]) m.set(f, Math.log((c + 1) / (totals[y]! + vocab)));
    return m;
  };
  const n = docs[0]! + docs[1]!;
  return {
    logPrior: [Math.log((docs[0]! + 1) / (n + 2)), Math.log((docs[1]! + 1) / (n + 2))],
    logLik: [lik(0), lik(1)],
    unseen: [Math.log(1 / (totals[0]! + vocab)), Math.log(1 / (totals[1]! + vocab))],
  };
}

/** P(relevant | text). Only words seen in training vote, so long articles are not swamped by unknowns. */
export function predictRelevance(model: RelevanceModel, text: string): number {
  const score = [model.logPrior[0], model.logPrior[1]];
  for (const f of feats(text)) {
    if (!model.logLik[0].has(f) && !model.logLik[1].has(f)) continue;
    for (const y of [0, 1] as const) score[y]! += model.logLik[y].get(f) ?? model.unseen[y];
  }
  const d = Math.max(-50, Math.min(50, score[0]! - score[1]!));
  return 1 / (1 + Math.exp(d));
}
