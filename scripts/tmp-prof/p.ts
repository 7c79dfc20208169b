import * as Y from 'yjs';
import { createTranscriptDoc, transcriptSchema, contentKey } from '../../common/src/index.ts';
import { LogReplay } from '../../server/src/history/log-replay.ts';
const t = transcriptSchema.parse({ schema: 'verity.transcript/1', metadata: {}, speakers: [], turns: Array.from({ length: 1500 }, (_v, k) => ({ id: `t${k}`, content: [{ type: 'text', text: 'the council met in geneva to discuss budget items and the next session of working group on digital capacity building' }] })) });
const seedDoc = createTranscriptDoc(t);
const seed = Y.encodeStateAsUpdate(seedDoc);
const client = new Y.Doc(); Y.applyUpdate(client, seed);
const rows: Uint8Array[] = [];
client.on('update', (u: Uint8Array) => rows.push(u));
const blocks = (client.get(contentKey, Y.XmlText).toDelta() as { insert: Y.XmlText }[]).map((o) => o.insert);
for (let k = 0; k < 10000; k++) { const b = blocks[(k * 7919) % blocks.length]!; client.transact(() => { b.delete(4, 7); b.insert(4, 'council'); }); }
let s = performance.now();
const r = new LogReplay(seed);
console.log('ctor', performance.now() - s); s = performance.now();
let meta = 0, apply = 0;
for (const u of rows) { const a = performance.now(); Y.parseUpdateMeta(u); meta += performance.now() - a; const b2 = performance.now(); r.apply({ userId: 'x', update: u }); apply += performance.now() - b2; }
console.log('meta', meta, 'apply', apply);
