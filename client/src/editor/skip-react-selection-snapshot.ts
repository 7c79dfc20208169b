/**
 * Before every commit while focus is in a contenteditable, React records the DOM selection as text
 * offsets by walking the editable's whole subtree (react-dom `getSelectionInformation`): O(document)
 * per keystroke, about 9 ms on a 1,400-turn transcript (`npm run bench:editor`). React uses the record
 * only to restore the selection when a commit moved focus away from that element, which never happens
 * to Slate's root, and Slate restores its own selection anyway. React recognizes such elements by the
 * `contentEditable` *property*; shadowing it on the root makes React skip the walk while the attribute,
 * which is what the browser and everything else reads, stays "true". Returns the undo.
 */
export function skipReactSelectionSnapshot(element: HTMLElement): () => void {
  Object.defineProperty(element, 'contentEditable', {
    configurable: true,
    get: () => 'inherit',
    set: (value: string) => element.setAttribute('contenteditable', value),
  });
  return () => {
    delete (element as { contentEditable?: string }).contentEditable;
  };
}
