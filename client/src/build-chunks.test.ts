import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Rolldown } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';

const clientRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Code the editor route must not wait for: other pages, the panels, compare, import, export and docx. */
const notOnTheEditorPath = [
  /features\/history\/(history-panel|compare-view)/,
  /features\/imports\/(import-page|import-preview|import-warnings|file-drop-zone)/,
  /features\/review\//,
  /features\/account\//,
  /features\/invitations\//,
  /features\/(queue|find|speakers)\/.*panel/,
  /features\/transcripts\/(members-panel|transcript-list-page)/,
  /common\/src\/exports\/write-docx/,
  /node_modules\/docx\//,
];

let chunks: Rolldown.OutputChunk[] = [];

beforeAll(async () => {
  const output = (await build({ root: clientRoot, logLevel: 'silent', configFile: path.join(clientRoot, 'vite.config.ts'), build: { write: false, sourcemap: false } })) as Rolldown.RolldownOutput;
  chunks = output.output.filter((item): item is Rolldown.OutputChunk => item.type === 'chunk');
}, 120_000);

/** The entry chunk and everything it imports statically: what loads before the app can render anything. */
function staticClosure(): Rolldown.OutputChunk[] {
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const entry = chunks.find((chunk) => chunk.isEntry && chunk.facadeModuleId?.endsWith('index.html'));
  const seen = new Map<string, Rolldown.OutputChunk>();
  const visit = (chunk: Rolldown.OutputChunk | undefined) => {
    if (!chunk || seen.has(chunk.fileName)) return;
    seen.set(chunk.fileName, chunk);
    for (const name of chunk.imports) visit(byName.get(name));
  };
  visit(entry);
  return [...seen.values()];
}

describe('the client build', () => {
  it('loads the editor route without the code of other pages, the panels, compare, import or export', () => {
    const loaded = staticClosure().flatMap((chunk) => chunk.moduleIds);
    expect(loaded.some((id) => id.includes('transcript-editor.tsx'))).toBe(true);
    for (const pattern of notOnTheEditorPath) expect(loaded.filter((id) => pattern.test(id))).toEqual([]);
  });

  it('keeps the docx library in a chunk of its own that no chunk imports statically (the browser never writes a docx)', () => {
    const withDocx = chunks.filter((chunk) => chunk.moduleIds.some((id) => /node_modules\/docx\//.test(id)));
    expect(withDocx).toHaveLength(1);
    expect(withDocx[0]!.moduleIds.filter((id) => id.includes('/src/')).map((id) => path.basename(id))).toContain('write-docx.ts');
    expect(chunks.filter((chunk) => chunk.imports.includes(withDocx[0]!.fileName))).toEqual([]);
  });
});
