import type * as Y from 'yjs';
import { AppError } from '../../errors.ts';
import { elementAttributes } from '../transcript-nodes.ts';
import { findTurnBlock, readRosterSpeaker } from './doc-blocks.ts';

function checkSeconds(seconds: number | null): void {
  if (!elementAttributes.turn.start!(seconds)) throw new AppError('validation_failed', 'seconds: a time is a finite number of seconds ≥ 0, or null.');
}

/** Attributes a turn to a roster speaker, or to nobody (null). Refuses a speaker the roster lacks. */
export function setTurnSpeakerInDoc(doc: Y.Doc, turnId: string, speakerId: string | null, origin: unknown = null): void {
  const block = findTurnBlock(doc, turnId);
  if (speakerId !== null) readRosterSpeaker(doc, speakerId);
  if ((block.getAttribute('speakerId') ?? null) === speakerId) return;
  doc.transact(() => block.setAttribute('speakerId', speakerId as never), origin);
}

/**
 * Sets one turn's start time (seconds, null clears it). When the turn's end would now fall before its
 * start, the end is cleared rather than left contradicting it.
 */
export function setTurnStartInDoc(doc: Y.Doc, turnId: string, seconds: number | null, origin: unknown = null): void {
  checkSeconds(seconds);
  const block = findTurnBlock(doc, turnId);
  doc.transact(() => {
    block.setAttribute('start', seconds as never);
    const end = block.getAttribute('end') as unknown;
    if (seconds !== null && typeof end === 'number' && end < seconds) block.setAttribute('end', null as never);
  }, origin);
}

/** Sets one turn's end time (seconds, null clears it); an end before the turn's start is refused. */
export function setTurnEndInDoc(doc: Y.Doc, turnId: string, seconds: number | null, origin: unknown = null): void {
  checkSeconds(seconds);
  const block = findTurnBlock(doc, turnId);
  const start = block.getAttribute('start') as unknown;
  if (seconds !== null && typeof start === 'number' && seconds < start) throw new AppError('validation_failed', 'seconds: a turn cannot end before it starts.');
  doc.transact(() => block.setAttribute('end', seconds as never), origin);
}
