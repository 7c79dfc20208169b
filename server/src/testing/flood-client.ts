/**
 * A hostile editor in its own process (so its CPU does not count against the server under test):
 * joins over the real socket, prepares `count` valid one-character inserts, prints "joined", waits for
 * a line on stdin, sends them all as fast as it can and prints how many were acknowledged and how
 * the connection ended, as JSON.
 * With `burstsOf`, sends them in bursts of that many per second instead (a flood paced to stay connected).
 * Usage: node --import tsx server/src/testing/flood-client.ts <url> <sessionToken> <transcriptId> <count> [burstsOf]
 */
import { io, type Socket } from 'socket.io-client';
import * as Y from 'yjs';
import { contentKey, encodeUpdateFrame, type ClientToServerEvents, type ServerToClientEvents } from '@verity/common';
import { LiveClient, until } from './live-test-server.ts';

const [url, token, transcriptId, count, burstsOf] = process.argv.slice(2);
const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(url!, { transports: ['websocket'], extraHeaders: { cookie: `verity_session=${token}` }, reconnection: false, forceNew: true });
const client = new LiveClient(socket, transcriptId!);
const ack = await socket.emitWithAck('join', { transcriptId: transcriptId! });
if (!ack.ok) throw new Error(ack.error.message);
await until(() => client.transcript.turns.length > 0, 'the handshake');

// Prepared on a copy of the document, so the flood itself costs this process nothing but sending.
const scratch = new Y.Doc();
Y.applyUpdate(scratch, Y.encodeStateAsUpdate(client.doc));
const frames: Uint8Array[] = [];
scratch.on('update', (update: Uint8Array) => frames.push(encodeUpdateFrame(update)));
const turn = (scratch.get(contentKey, Y.XmlText).toDelta() as { insert: Y.XmlText }[])[0]!.insert;
for (let i = 0; i < Number(count); i++) turn.insert(0, 'f');

process.stdout.write('joined\n');
await new Promise((resolve) => process.stdin.once('data', resolve));
const send = (frame: Uint8Array) => Promise.race([client.send(frame).catch(() => null), new Promise<null>((resolve) => setTimeout(() => resolve(null), 5_000))]);
const acks: Promise<unknown>[] = [];
if (burstsOf) {
  // Paced: a burst of `burstsOf` frames every second, staying just within the fair share.
  for (let i = 0; i < frames.length; i += Number(burstsOf)) {
    acks.push(...frames.slice(i, i + Number(burstsOf)).map(send));
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
} else {
  acks.push(...frames.map(send));
}
const answered = (await Promise.all(acks)) as ({ ok: boolean } | null)[];
process.stdout.write(`${JSON.stringify({ accepted: answered.filter((a) => a?.ok).length, closed: client.closed })}\n`);
socket.disconnect();
process.exit(0);
