import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeStateVectorFor, isKnownUpdate } from './known-update.ts';

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

describe('isKnownUpdate on a long document', () => {
  it('tells a deletion inside a long document of many items apart from one it already has, and from one reaching past it', () => {
    const client = new Y.Doc();
    const text = client.getText('t');
    // 5,000 separate items (each insert at the front is its own struct).
    for (let k = 0; k < 5_000; k++) text.insert(0, `w${k} `);
    const server = new Y.Doc();
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client));
    const before = Y.encodeStateVector(client);
    text.delete(10, 3);
    const deletion = Y.encodeStateAsUpdate(client, before);
    expect(isKnownUpdate(server, deletion)).toBe(false);
    Y.applyUpdate(server, deletion);
    expect(isKnownUpdate(server, deletion)).toBe(true);
    // A deletion reaching past what the server has is new (it will wait as pending there).
    const ahead = new Y.Doc();
    ahead.getText('t').insert(0, 'unknown');
    const beforeAhead = Y.encodeStateVector(ahead);
    ahead.getText('t').delete(0, 3);
    expect(isKnownUpdate(server, Y.encodeStateAsUpdate(ahead, beforeAhead))).toBe(false);
    // Deleting a range that is only partly deleted here is new.
    const before2 = Y.encodeStateVector(client);
    text.delete(5, 20);
    expect(isKnownUpdate(server, Y.encodeStateAsUpdate(client, before2))).toBe(false);
  });
});

describe('encodeStateVectorFor', () => {
  it('diffs an update exactly as the whole state vector does, naming only the update’s clients', () => {
    const server = new Y.Doc();
    for (let k = 0; k < 50; k++) {
      const other = new Y.Doc();
      other.getText('t').insert(0, `client ${k} `);
      Y.applyUpdate(server, Y.encodeStateAsUpdate(other));
    }
    const editor = new Y.Doc();
    Y.applyUpdate(editor, Y.encodeStateAsUpdate(server));
    editor.getText('t').insert(3, 'typed');
    Y.applyUpdate(server, Y.encodeStateAsUpdate(editor));
    editor.getText('t').insert(0, 'more');
    // The editor resends everything it has (a reconnect): only "more" is new to the server.
    const resent = Y.encodeStateAsUpdate(editor);
    const partial = encodeStateVectorFor(server, Y.parseUpdateMeta(resent).from.keys());
    expect(Y.decodeStateVector(partial).size).toBe(51);
    expect(Y.diffUpdate(resent, partial)).toEqual(Y.diffUpdate(resent, Y.encodeStateVector(server)));
    expect(Y.decodeStateVector(encodeStateVectorFor(server, [editor.clientID]))).toEqual(new Map([[editor.clientID, Y.getState(server.store, editor.clientID)]]));
  });
});
