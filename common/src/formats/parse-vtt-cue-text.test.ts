import { describe, expect, it } from 'vitest';
import { parseVttCueText } from './parse-vtt-cue-text.ts';

const words = (text: string) => parseVttCueText(text).map((line) => line.text).join('|');

describe('parseVttCueText (the spec tokenizer and tree rules)', () => {
  it('decodes every HTML character reference, named or numeric, as the spec asks', () => {
    expect(words('&amp; &lt; &gt; &nbsp;&lrm;&rlm; &#x2014; &#8212; &mdash; &hellip;')).toBe('& < > \u00a0\u200e\u200f \u2014 \u2014 \u2014 \u2026');
    // Legacy names without a semicolon are decoded in text; unknown ones and a bare & stay as written.
    expect(words('&copy 2024, AT&T, &unknown; & done &')).toBe('\u00a9 2024, AT&T, &unknown; & done &');
    // A decoded "<" is text, not a tag.
    expect(words('&lt;i&gt;not italic&lt;/i&gt;')).toBe('<i>not italic</i>');
  });

  it('keeps the words of c, i, b, u, lang and unknown tags, and drops the tags', () => {
    expect(words('<c.yellow.bg_blue>Yellow</c> <i>it</i><b>bo</b><u>un</u> <lang en-GB>colour</lang> <font color="red">red</font>')).toBe('Yellow itboun colour red');
    // Tag names are case-sensitive: <I> is not italics, but its text is kept all the same.
    expect(words('<I>shout</I>')).toBe('shout');
  });

  it('turns <v Name> into a voice; annotation references are decoded and whitespace collapsed', () => {
    expect(parseVttCueText('<v.loud   Ana &amp;\tBo  >Hello')).toEqual([{ text: 'Hello', voice: 'Ana & Bo', isVoiceStart: true }]);
    expect(parseVttCueText('<v>Who?')).toEqual([{ text: 'Who?', voice: '', isVoiceStart: true }]);
  });

  it('splits lines at line breaks and where another voice starts, even mid-line', () => {
    expect(parseVttCueText('<v Ana>Hi</v> <v Bo>Yo</v> there\nplain')).toEqual([
      { text: 'Hi ', voice: 'Ana', isVoiceStart: true },
      { text: 'Yo there', voice: 'Bo', isVoiceStart: true },
      { text: 'plain' },
    ]);
    expect(parseVttCueText('<v Ana>one\ntwo')).toEqual([
      { text: 'one', voice: 'Ana', isVoiceStart: true },
      { text: 'two', voice: 'Ana' },
    ]);
    // Back to the outer voice after a nested one closes: the outer voice starts speaking again.
    expect(parseVttCueText('<v Ana>a<v Bo>b</v>c')).toEqual([
      { text: 'a', voice: 'Ana', isVoiceStart: true },
      { text: 'b', voice: 'Bo', isVoiceStart: true },
      { text: 'c', voice: 'Ana', isVoiceStart: true },
    ]);
  });

  it('ruby: the base is kept, the ruby text dropped; <rt> outside <ruby> is ignored; </ruby> closes both', () => {
    expect(words('<ruby>東<rt>とう</rt>京<rt>きょう</ruby>です')).toBe('東京です');
    expect(words('<rt>not ruby text</rt>')).toBe('not ruby text');
  });

  it('drops timestamp tags, valid or not', () => {
    expect(words('a <00:01.000>b <1:2>c')).toBe('a b c');
  });

  it('follows the tokenizer where a "<" is not markup: everything up to ">" is a tag', () => {
    expect(words('3 <4 and 5 > 4')).toBe('3  4');
    expect(words('unclosed <i')).toBe('unclosed ');
    expect(words('<>empty tag</>')).toBe('empty tag');
  });
});
