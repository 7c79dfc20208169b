import { describe, expect, it } from 'vitest';
import { skipReactSelectionSnapshot } from './skip-react-selection-snapshot.ts';

/** A stand-in with the one property the helper shadows; the real element is tested in the browser (bench, e2e). */
class FakeElement {
  readonly attributes = new Map<string, string>();
  get contentEditable(): string {
    return this.attributes.get('contenteditable') ?? 'inherit';
  }
  set contentEditable(value: string) {
    this.attributes.set('contenteditable', value);
  }
  setAttribute(name: string, value: string): void {
    this.attributes.set(name, value);
  }
}

describe('skipReactSelectionSnapshot', () => {
  it('hides "true" from React’s property check, keeps the attribute, and undoes cleanly', () => {
    const element = new FakeElement();
    element.setAttribute('contenteditable', 'true');
    const undo = skipReactSelectionSnapshot(element as unknown as HTMLElement);
    expect(element.contentEditable).toBe('inherit');
    element.contentEditable = 'false';
    expect(element.attributes.get('contenteditable')).toBe('false');
    undo();
    expect(element.contentEditable).toBe('false');
  });
});
