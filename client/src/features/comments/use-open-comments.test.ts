import { describe, expect, it } from 'vitest';
import { openCommentLabel } from './use-open-comments.ts';

describe('openCommentLabel', () => {
  it('names the author and shortens the text to one line for a queue row', () => {
    expect(openCommentLabel({ author: { id: 'a', displayName: 'Ada' }, body: 'Is this\n\nGFCE?' })).toBe('Ada: Is this GFCE?');
    const label = openCommentLabel({ author: { id: 'a', displayName: 'Ada' }, body: 'x'.repeat(500) });
    expect(label).toHaveLength('Ada: '.length + 80);
    expect(label.endsWith('…')).toBe(true);
  });
});
