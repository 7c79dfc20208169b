import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { isKnownUpdate } from './known-update.ts';

function docWithText(text: string): Y.Doc {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return doc;
}

describe('isKnownUpdate', () => {
  it('treats an update the document already contains as known', () => {
    const doc = docWithText('hello');
    expect(isKnownUpdate(doc, Y.encodeStateAsUpdate(doc))).toBe(true);
  });

  it('treats new structs as unknown', () => {
    const server = new Y.Doc();
    expect(isKnownUpdate(server, Y.encodeStateAsUpdate(docWithText('x')))).toBe(false);
  });

  it('treats a deletion of known content as unknown until applied', () => {
    const client = docWithText('hello');
    const server = new Y.Doc();
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client));
    const before = Y.encodeStateVector(client);
    client.getText('t').delete(0, 2);
    const deletion = Y.encodeStateAsUpdate(client, before);
    expect(isKnownUpdate(server, deletion)).toBe(false);
    Y.applyUpdate(server, deletion);
    expect(isKnownUpdate(server, deletion)).toBe(true);
  });

  it('treats an empty update as known', () => {
    expect(isKnownUpdate(new Y.Doc(), Y.encodeStateAsUpdate(new Y.Doc()))).toBe(true);
  });
});
