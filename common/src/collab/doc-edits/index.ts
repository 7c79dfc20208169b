/**
 * The one module that writes the shared document (layout: ../transcript-nodes.ts). The client (on its
 * own copy, with an origin its undo manager tracks), the server (`LiveSessions.applyChange`, as the
 * acting user) and history (restore) call these instead of setting Y keys and attributes themselves.
 * Each edit checks its input and every id before writing, then writes in one transaction with the
 * caller's origin (nested in an outer transaction, it joins it), and throws AppError on bad input.
 */
export { addSpeakerToDoc, mergeSpeakersInDoc, updateSpeakerInDoc } from './speaker-edits.ts';
export { setTurnEndInDoc, setTurnSpeakerInDoc, setTurnStartInDoc } from './turn-edits.ts';
export { anchorHits, applyReplacements, blockSearchText, readSearchableBlocks, type AnchoredHit } from './replace-in-doc.ts';
export { writeTranscriptToDoc, writeTurnToDoc } from './write-transcript-to-doc.ts';
