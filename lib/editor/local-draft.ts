import { deepEqual } from "../domain/json";
import type { LocalCopy } from "./autosave-queue";

/**
 * The browser's copy of edits the server has not confirmed (localStorage), so a network drop, a
 * server restart or a closed tab loses nothing. Keyed by disclosure id and the version the edits
 * build on: reopened later, they are saved against that version, and the server merges them with
 * whatever was saved since.
 */

export type DraftStorage = Pick<Storage, "getItem" | "setItem" | "removeItem" | "key" | "length">;

/** Inputs that could not be read yet ("1,06x"), by canonical path: kept verbatim with the draft. */
export type InvalidTexts = Record<string, string>;

export type StoredDraft<C> = LocalCopy<C> & { disclosureId: string; storedAt: string; invalidTexts: InvalidTexts };

const PREFIX = "bdw.editor.";

export const draftKey = (disclosureId: string, baseVersion: number) => `${PREFIX}${disclosureId}.v${baseVersion}`;

function keysOf(storage: DraftStorage, disclosureId: string): string[] {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(`${PREFIX}${disclosureId}.v`)) keys.push(key);
  }
  return keys;
}

/**
 * Stores the copy when it holds anything the server has not (`unsaved`, or text that could not be
 * read yet), drops it otherwise. False when the browser refused to store it (storage full or
 * disabled): the editor then warns that leaving the page would lose the edits.
 */
export function writeDraft<C>(
  storage: DraftStorage,
  disclosureId: string,
  copy: LocalCopy<C> & { unsaved: boolean },
  invalidTexts: InvalidTexts = {},
  now = new Date(),
): boolean {
  const keep = copy.unsaved || Object.keys(invalidTexts).length > 0 ? draftKey(disclosureId, copy.baseVersion) : null;
  try {
    for (const key of keysOf(storage, disclosureId)) if (key !== keep) storage.removeItem(key);
    if (keep === null) return true;
    const record: StoredDraft<C> = {
      baseVersion: copy.baseVersion,
      base: copy.base,
      content: copy.content,
      disclosureId,
      storedAt: now.toISOString(),
      invalidTexts,
    };
    storage.setItem(keep, JSON.stringify(record));
    return true;
  } catch {
    return false;
  }
}

/** The stored copies of a disclosure, newest base first; unreadable entries are skipped. */
export function readDrafts<C>(storage: DraftStorage, disclosureId: string): StoredDraft<C>[] {
  const drafts: StoredDraft<C>[] = [];
  for (const key of keysOf(storage, disclosureId)) {
    try {
      const record = JSON.parse(storage.getItem(key) ?? "null") as StoredDraft<C> | null;
      if (
        record &&
        record.disclosureId === disclosureId &&
        typeof record.baseVersion === "number" &&
        record.content &&
        record.base
      )
        drafts.push({ ...record, invalidTexts: record.invalidTexts ?? {} });
    } catch {
      // A half-written entry from a crashed tab: nothing to restore from it.
    }
  }
  return drafts.sort((a, b) => b.baseVersion - a.baseVersion);
}

export type Restore<C> = { version: number; base: C; content: C; invalidTexts: InvalidTexts; storedAt: string };

/**
 * What the editor opens with. The stored copy wins over the server's content when it holds edits:
 * built on the current version it is simply saved; built on an older one it is saved with its base
 * and merged. A copy from a version the server never had (another database) is not trusted.
 */
export function chooseRestore<C>(
  server: { version: number; content: C },
  stored: ReadonlyArray<StoredDraft<C>>,
  valid: (content: unknown) => content is C,
): Restore<C> | null {
  const draft = stored.find((d) => d.baseVersion <= server.version && valid(d.content) && valid(d.base));
  if (!draft) return null;
  const hasEdits = !deepEqual(draft.content, draft.base) || Object.keys(draft.invalidTexts).length > 0;
  if (!hasEdits) return null;
  if (
    draft.baseVersion === server.version &&
    deepEqual(draft.content, server.content) &&
    Object.keys(draft.invalidTexts).length === 0
  )
    return null;
  return {
    version: draft.baseVersion,
    base: draft.base,
    content: draft.content,
    invalidTexts: draft.invalidTexts,
    storedAt: draft.storedAt,
  };
}
