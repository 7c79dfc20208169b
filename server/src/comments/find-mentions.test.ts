import { describe, expect, it } from 'vitest';
import { findMentions } from './find-mentions.ts';

const members = [
  { userId: 'ada', displayName: 'Ada' },
  { userId: 'adam', displayName: 'Adam' },
  { userId: 'lovelace', displayName: 'Ada Lovelace' },
  { userId: 'bob', displayName: 'Bob Ó Briain' },
];

describe('findMentions', () => {
  it('finds each member named after an @, once, case-insensitively', () => {
    expect(findMentions('@ada and @ADAM, please look. Thanks @Ada!', members).sort()).toEqual(['ada', 'adam']);
  });

  it('prefers the longest name and needs a word boundary after it', () => {
    expect(findMentions('@Ada Lovelace: is this GFCE?', members)).toEqual(['lovelace']);
    expect(findMentions('@Adamant is not a member', members)).toEqual([]);
    expect(findMentions('@bob ó briain.', members)).toEqual(['bob']);
  });

  it('ignores e-mail-like text, bare @ and names of people who are not members', () => {
    expect(findMentions('mail me@ada.org', members)).toEqual([]);
    expect(findMentions('@ @@ @Carol', members)).toEqual([]);
    expect(findMentions('@Ada', [])).toEqual([]);
  });
});
