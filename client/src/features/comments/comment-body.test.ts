import { describe, expect, it } from 'vitest';
import { splitMentions } from './comment-body.tsx';

describe('splitMentions', () => {
  it('cuts out each recognised mention, longest name first, keeping the rest as text', () => {
    const mentions = [
      { id: 'a', displayName: 'Ada' },
      { id: 'l', displayName: 'Ada Lovelace' },
    ];
    expect(splitMentions('@ada lovelace and @Ada: <b>GFCE</b>?', mentions)).toEqual([
      { text: '@ada lovelace', userId: 'l' },
      { text: ' and ' },
      { text: '@Ada', userId: 'a' },
      { text: ': <b>GFCE</b>?' },
    ]);
    expect(splitMentions('@Bob is not mentioned', mentions)).toEqual([{ text: '@Bob is not mentioned' }]);
  });
});
