import { describe, expect, it } from 'vitest';
import { readCaptions } from './fixtures/read-captions.ts';

const readVtt = (text: string, joinConsecutiveCues = true) => readCaptions(text, 'vtt', joinConsecutiveCues);

// The examples of the W3C WebVTT specification's introduction (https://www.w3.org/TR/webvtt1/), each as a user would import it.
describe('WebVTT: the specification examples', () => {
  it('a simple caption file: voices become speakers, settings are ignored, &mdash; and <i> are read', () => {
    const file = [
      'WEBVTT',
      '',
      '00:11.000 --> 00:13.000',
      '<v Roger Bingham>We are in New York City',
      '',
      '00:13.000 --> 00:16.000',
      "<v Roger Bingham>We're actually at the Lucern Hotel, just down the street",
      '',
      '00:30.000 --> 00:31.500 align:right size:50%',
      '<v Roger Bingham>When we e-mailed&mdash;',
      '',
      '00:30.500 --> 00:32.500 align:left size:50%',
      "<v Neil deGrasse Tyson>Didn't we talk about enough in that conversation?",
      '',
      '00:32.000 --> 00:35.500 align:right size:50%',
      "<v Roger Bingham>No! No no no no; 'cos 'cos obviously 'cos",
      '',
      '00:32.500 --> 00:33.500 align:left size:50%',
      '<v Neil deGrasse Tyson><i>Laughs</i>',
      '',
    ].join('\n');
    const { turns, warnings } = readVtt(file);
    expect(turns).toEqual([
      ['Roger Bingham', 11, 31.5, "We are in New York City We're actually at the Lucern Hotel, just down the street When we e-mailed\u2014"],
      ['Neil deGrasse Tyson', 30.5, 32.5, "Didn't we talk about enough in that conversation?"],
      ['Roger Bingham', 32, 35.5, "No! No no no no; 'cos 'cos obviously 'cos"],
      ['Neil deGrasse Tyson', 32.5, 33.5, 'Laughs'],
    ]);
    expect(warnings).toEqual([]);
  });

  it('cues with multiple lines: the lines of one cue join with a space', () => {
    const file = 'WEBVTT\n\n00:01.000 --> 00:04.000\nNever drink liquid nitrogen.\n\n00:05.000 --> 00:09.000\n&mdash; It will perforate your stomach.\n&mdash; You could die.\n';
    expect(readVtt(file, false).turns).toEqual([
      [null, 1, 4, 'Never drink liquid nitrogen.'],
      [null, 5, 9, '\u2014 It will perforate your stomach. \u2014 You could die.'],
    ]);
  });

  it('style blocks and comments before the first cue are read past silently', () => {
    const file = [
      'WEBVTT',
      '',
      'STYLE',
      '::cue {',
      '  background-image: linear-gradient(to bottom, dimgray, lightgray);',
      '  color: papayawhip;',
      '}',
      '/* Style blocks cannot use blank lines nor "dash dash greater than" */',
      '',
      'NOTE comment blocks can be used between style blocks.',
      '',
      'STYLE',
      '::cue(b) {',
      '  color: peachpuff;',
      '}',
      '',
      'hello',
      '00:00:00.000 --> 00:00:10.000',
      'Hello <b>world</b>.',
      '',
      'NOTE style blocks cannot appear after the first cue.',
    ].join('\n');
    expect(readVtt(file)).toMatchObject({ turns: [[null, 0, 10, 'Hello world.']], warnings: [] });
  });

  it('cue identifiers are not text; &trade; is decoded', () => {
    const file = "WEBVTT\n\ntest\n00:00.000 --> 00:02.000\nThis is a test.\n\n123\n00:00.000 --> 00:02.000\nThat's an, an, that's an L!\n\ncrédit de transcription\n00:04.000 --> 00:05.000\nTranscrit par Célestes&trade;\n";
    expect(readVtt(file, false).turns).toEqual([
      [null, 0, 2, 'This is a test.'],
      [null, 0, 2, "That's an, an, that's an L!"],
      [null, 4, 5, 'Transcrit par C\u00e9lestes\u2122'],
    ]);
  });

  it('class and language spans keep their words', () => {
    const file = "WEBVTT\n\n04:02.500 --> 04:05.000\nJ'ai commencé le basket à l'âge de 13, 14 ans\n\n04:05.001 --> 04:07.800\nSur les <i.foreignphrase><lang en>playground</lang></i>, ici à Montpellier\n";
    expect(readVtt(file, false).turns).toEqual([
      [null, 242.5, 245, "J'ai commenc\u00e9 le basket \u00e0 l'\u00e2ge de 13, 14 ans"],
      [null, 245.001, 247.8, 'Sur les playground, ici \u00e0 Montpellier'],
    ]);
  });

  it('voice spans with classes; an unclosed voice covers its cue; text after </v> stays with that speaker', () => {
    const file = "WEBVTT\n\n00:00.000 --> 00:02.000\n<v.first.loud Esme>It's a blue apple tree!\n\n00:02.000 --> 00:04.000\n<v Mary>No way!\n\n00:04.000 --> 00:06.000\n<v Esme>Hee!</v> <i>laughter</i>\n\n00:06.000 --> 00:08.000\n<v.loud Mary>That's awesome!\n";
    const { turns, transcript } = readVtt(file);
    expect(turns).toEqual([
      ['Esme', 0, 2, "It's a blue apple tree!"],
      ['Mary', 2, 4, 'No way!'],
      ['Esme', 4, 6, 'Hee! laughter'],
      ['Mary', 6, 8, "That's awesome!"],
    ]);
    expect(transcript.speakers.map((speaker) => speaker.label)).toEqual(['Esme', 'Mary']);
  });

  it('positioned cues: the settings are ignored', () => {
    const file = 'WEBVTT\n\n00:00:00.000 --> 00:00:04.000 position:10%,line-left align:left size:35%\nWhere did he go?\n\n00:00:03.000 --> 00:00:06.500 position:90% align:right size:35%\nI think he went down this lane.\n';
    expect(readVtt(file, false).turns).toEqual([
      [null, 0, 4, 'Where did he go?'],
      [null, 3, 6.5, 'I think he went down this lane.'],
    ]);
  });

  it('regions: REGION blocks and region: settings are read past; the voices remain', () => {
    const region = (id: string, anchor: string) => `REGION\nid:${id}\nwidth:40%\nlines:3\nregionanchor:${anchor}\nviewportanchor:10%,90%\nscroll:up\n`;
    const file = [
      `WEBVTT\n\n${region('fred', '0%,100%')}\n${region('bill', '100%,100%')}`,
      '00:00:00.000 --> 00:00:20.000 region:fred align:left\n<v Fred>Hi, my name is Fred\n',
      "00:00:02.500 --> 00:00:22.500 region:bill align:right\n<v Bill>Hi, I'm Bill\n",
      '00:00:10.000 --> 00:00:30.000 region:fred align:left\n<v Fred>This is my fourth!\n',
      "00:00:12.500 --> 00:00:32.500 region:fred align:left\n<v Fred>OK, let's go.\n",
    ].join('\n');
    expect(readVtt(file)).toMatchObject({
      turns: [
        ['Fred', 0, 20, 'Hi, my name is Fred'],
        ['Bill', 2.5, 22.5, "Hi, I'm Bill"],
        ['Fred', 10, 32.5, "This is my fourth! OK, let's go."],
      ],
      warnings: [],
    });
  });

  it('comments anywhere, including a multi-line NOTE and one at the end of the file', () => {
    const file = "WEBVTT\n\nNOTE\nThis file was written by Jill. I hope\nyou enjoy reading it.\n\n00:01.000 --> 00:04.000\nNever drink liquid nitrogen.\n\nNOTE check next cue\n\n00:05.000 --> 00:09.000\n&mdash; It will perforate your stomach.\n\nNOTE end of file\n";
    expect(readVtt(file, false)).toMatchObject({
      turns: [
        [null, 1, 4, 'Never drink liquid nitrogen.'],
        [null, 5, 9, '\u2014 It will perforate your stomach.'],
      ],
      warnings: [],
    });
  });

  it('chapters: the slide names are identifiers, the titles are the text', () => {
    const file = 'WEBVTT\n\nNOTE\nThis is from a talk Silvia gave about WebVTT.\n\nSlide 1\n00:00:00.000 --> 00:00:10.700\nTitle Slide\n\nSlide 2\n00:00:10.700 --> 00:00:47.600\nIntroduction by Naomi Black\n';
    expect(readVtt(file, false).turns).toEqual([
      [null, 0, 10.7, 'Title Slide'],
      [null, 10.7, 47.6, 'Introduction by Naomi Black'],
    ]);
  });

  it('conformance note: two cues without the blank line between them are still two cues', () => {
    const file = 'WEBVTT\n\n00:01.000 --> 00:02.000\nFirst\n00:03.000 --> 00:04.000\nSecond\n';
    expect(readVtt(file, false)).toMatchObject({ turns: [[null, 1, 2, 'First'], [null, 3, 4, 'Second']], warnings: [] });
  });

  it('karaoke timestamps and ruby: words kept, timestamps and ruby text dropped', () => {
    const file = 'WEBVTT\n\n00:16.500 --> 00:18.500\nWhen the moon <00:17.500>hits your eye\n\n00:00:18.500 --> 00:00:20.500\nLike a <00:19.000>big-a <00:19.500>pizza <00:20.000>pie\n\n00:21.000 --> 00:22.000\n<ruby>漢<rt>かん</rt>字<rt>じ</rt></ruby>を読む\n';
    expect(readVtt(file, false).turns).toEqual([
      [null, 16.5, 18.5, 'When the moon hits your eye'],
      [null, 18.5, 20.5, 'Like a big-a pizza pie'],
      [null, 21, 22, '漢字を読む'],
    ]);
  });
});
