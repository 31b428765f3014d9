import type { Draft, Note } from '../../../canonical/index.js';
import { isLoop, type LoopInstance } from '../../../x12/index.js';
import { noteTypes } from '../../codes/index.js';
import type { ElementReader } from '../element-reader.js';

/** Every MSG and NTE directly inside `loop`, in file order. */
export function readNotes(loop: LoopInstance, elements: ElementReader): Draft<Note>[] {
  const notes: Draft<Note>[] = [];
  for (const segment of loop.items) {
    if (isLoop(segment)) continue;
    if (segment.id === 'MSG') {
      const text = elements.text(segment, 1);
      if (text !== undefined) notes.push({ type: 'general', text });
    } else if (segment.id === 'NTE') {
      const code = elements.text(segment, 1);
      const text = elements.text(segment, 2);
      if (text !== undefined) notes.push({ type: noteTypes.toCanonical(code) ?? 'general', code, text });
    }
  }
  return notes;
}
