// The 4-hour CART transcript the live benchmarks use (~40,000 words, ~1,500 turns), built from the seeds.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { countWords, parseTranscript, turnPlainText, type Transcript } from '../../common/src/index.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const seedsDir = path.resolve(repoRoot, '../shared/seeds');
const seedNames = ['000_4888b5e5729f2cf0.txt', '001_cf143e0f9569e927.txt'];
const targetWords = 40_000;
/** Minimum words per generated turn; cutting at sentence ends makes the mean ~27. */
const wordsPerTurn = 16;

/** Turns of ~27 words cut from the seeds' turns at sentence ends, repeated until the word target is met. */
export function buildFourHourCart(): { text: string; words: number; turns: number } {
  if (!seedNames.every((name) => existsSync(path.join(seedsDir, name)))) throw new Error(`Seeds not found in ${seedsDir}; the benchmark needs them.`);
  const seeds = seedNames.map((name) => parseTranscript(readFileSync(path.join(seedsDir, name)), { fileName: name }));
  const header = readFileSync(path.join(seedsDir, seedNames[0]!), 'utf8');
  const parts = [header.slice(0, header.search(/^[\s\u00a0]*>>/m))];
  let words = 0;
  let turns = 0;
  const turnsOfSeeds = seeds.flatMap((seed) => seed.turns.map((turn) => ({ seed, turn })));
  for (let index = 0; words < targetWords; index = (index + 1) % turnsOfSeeds.length) {
    const { seed, turn } = turnsOfSeeds[index]!;
    for (const chunk of chunkSentences(turnPlainText(turn).replace(/\s+/g, ' ').trim())) {
      parts.push(`>> ${speakerLabel(seed, turn.speakerId)}${chunk}\n\n`);
      words += countWords(chunk);
      turns += 1;
    }
  }
  return { text: parts.join(''), words, turns };
}

function speakerLabel(seed: Transcript, speakerId: string | null): string {
  const speaker = seed.speakers.find((candidate) => candidate.id === speakerId);
  return speaker ? `${speaker.label.toUpperCase()}: ` : '';
}

function chunkSentences(text: string): string[] {
  const chunks: string[] = [];
  const current: string[] = [];
  for (const sentence of text.split(/(?<=[.?!])\s+/)) {
    current.push(sentence);
    if (countWords(current.join(' ')) >= wordsPerTurn) chunks.push(current.splice(0).join(' '));
  }
  if (current.length > 0) chunks.push(current.join(' '));
  return chunks.filter((chunk) => chunk.length > 0);
}
