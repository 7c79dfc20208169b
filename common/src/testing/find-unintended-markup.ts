import { decodeHTML } from 'entities';
import MarkdownIt, { type Token } from 'markdown-it';

/** Plain CommonMark and markdown-it's default (tables, strikethrough), both passing raw HTML through. */
const renderers = { commonmark: new MarkdownIt('commonmark', { html: true }), default: new MarkdownIt('default', { html: true }) };
export type MarkdownRendererName = keyof typeof renderers;

/** What rendering found: anything the writer did not mean, the elements it did mean, the text a reader sees. */
export interface RenderedMarkdown {
  problems: string[];
  tags: Map<string, number>;
  text: string;
}

// Token kinds a Verity writer never produces: a link, an image, raw HTML blocks, code blocks, rules, numbered lists.
const foreignTokens = new Set(['link_open', 'image', 'html_block', 'code_block', 'fence', 'hr', 'ordered_list_open', 's_open']);

function* walk(tokens: readonly Token[]): Generator<Token> {
  for (const token of tokens) {
    yield token;
    if (token.children) yield* walk(token.children);
  }
}

/**
 * Renders Markdown with markdown-it and lists what the writer did not intend: every "<" of the HTML
 * must open an allowed tag (markdown-it escapes every "<" of text, so this walks every element), with
 * no attribute but table alignment; the only raw HTML is <mark>…</mark>; no link, image or code block.
 * Test-only (Node), so it is not part of the index.
 */
export function findUnintendedMarkup(markdown: string, allowedTags: readonly string[], rendererName: MarkdownRendererName = 'commonmark'): RenderedMarkdown {
  const renderer = renderers[rendererName];
  const problems: string[] = [];
  for (const token of walk(renderer.parse(markdown, {}))) {
    if (foreignTokens.has(token.type)) problems.push(`token ${token.type}: ${JSON.stringify(token.content.slice(0, 60))}`);
    if (token.type === 'html_inline' && token.content !== '<mark>' && token.content !== '</mark>') problems.push(`raw HTML ${token.content}`);
  }
  const html = renderer.render(markdown);
  const tags = new Map<string, number>();
  for (const match of html.matchAll(/</g)) {
    const tag = /^<(\/?)([a-z][a-z0-9]*)((?: style="text-align:(?:left|right|center)")?)>/.exec(html.slice(match.index));
    if (!tag || !allowedTags.includes(tag[2]!)) {
      problems.push(`markup …${html.slice(match.index, match.index + 60)}…`);
      continue;
    }
    if (tag[1] === '') tags.set(tag[2]!, (tags.get(tag[2]!) ?? 0) + 1);
  }
  return { problems, tags, text: decodeHTML(html.replace(/<[^>]*>/g, '')) };
}
