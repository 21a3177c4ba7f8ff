/**
 * Undo and redo for the grid: snapshots of the value (rows are immutable, so a snapshot shares all
 * untouched rows with its neighbours and costs little). Each entry remembers where the change was
 * made, so undo puts the cursor back there. Pure: the component keeps a History in state.
 */

export type History<T, F = unknown> = {
  past: ReadonlyArray<Entry<T, F>>;
  present: T;
  future: ReadonlyArray<Entry<T, F>>;
  /** Where the change that produced `present` was made (undo returns there). */
  presentFocus: F | null;
};

type Entry<T, F> = { value: T; focus: F | null };

export const HISTORY_LIMIT = 200;

export function createHistory<T, F = unknown>(present: T): History<T, F> {
  return { past: [], present, future: [], presentFocus: null };
}

/**
 * A new value from an edit: it becomes present, the old present goes to the past, redo is gone.
 * `merge` folds it into the present step instead (each keystroke of a name field is not an undo
 * step of its own; the caller decides when typing has moved on).
 */
export function record<T, F>(
  h: History<T, F>,
  value: T,
  focus: F | null = null,
  opts: { merge?: boolean; limit?: number } = {},
): History<T, F> {
  if (Object.is(value, h.present)) return h;
  if (opts.merge && h.past.length > 0) return { ...h, present: value, future: [], presentFocus: focus };
  const limit = opts.limit ?? HISTORY_LIMIT;
  const past = [...h.past, { value: h.present, focus: h.presentFocus }];
  return {
    past: past.length > limit ? past.slice(past.length - limit) : past,
    present: value,
    future: [],
    presentFocus: focus,
  };
}

/**
 * A value that came from outside the grid (the server's merge, a reload): it replaces present
 * without an undo step of its own, so undo never has to replay someone else's change.
 */
export function adopt<T, F>(h: History<T, F>, value: T): History<T, F> {
  if (Object.is(value, h.present)) return h;
  return { ...h, present: value };
}

export const canUndo = (h: History<unknown, unknown>) => h.past.length > 0;
export const canRedo = (h: History<unknown, unknown>) => h.future.length > 0;

/** Undo: the previous value, and the focus of the change being undone. */
export function undo<T, F>(h: History<T, F>): { history: History<T, F>; focus: F | null } {
  if (h.past.length === 0) return { history: h, focus: null };
  const previous = h.past[h.past.length - 1];
  return {
    history: {
      past: h.past.slice(0, -1),
      present: previous.value,
      future: [{ value: h.present, focus: h.presentFocus }, ...h.future],
      presentFocus: previous.focus,
    },
    focus: h.presentFocus,
  };
}

export function redo<T, F>(h: History<T, F>): { history: History<T, F>; focus: F | null } {
  if (h.future.length === 0) return { history: h, focus: null };
  const [next, ...rest] = h.future;
  return {
    history: {
      past: [...h.past, { value: h.present, focus: h.presentFocus }],
      present: next.value,
      future: rest,
      presentFocus: next.focus,
    },
    focus: next.focus,
  };
}
