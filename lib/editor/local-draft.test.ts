import { describe, expect, it } from "vitest";
import { setAt } from "../domain/paths";
import type { SavedDisclosure } from "../domain/editable";
import { sanheDraft } from "../domain/__fixtures__/sanhe-draft";
import { chooseRestore, draftKey, readDrafts, writeDraft, type DraftStorage } from "./local-draft";

/** localStorage's interface over a Map, as the browser behaves (including refusing when full). */
class MemoryStorage implements DraftStorage {
  items = new Map<string, string>();
  full = false;
  get length() {
    return this.items.size;
  }
  key(i: number) {
    return [...this.items.keys()][i] ?? null;
  }
  getItem(k: string) {
    return this.items.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    if (this.full) throw new DOMException("quota", "QuotaExceededError");
    this.items.set(k, v);
  }
  removeItem(k: string) {
    this.items.delete(k);
  }
}

const isDraft = (v: unknown): v is SavedDisclosure => typeof v === "object" && v !== null && "budget" in v;
const ID = "5b1f0e0a-6a51-4a55-9d0c-1c2b3c4d5e6f";

describe("the browser's copy of unsaved edits", () => {
  it("is kept under the disclosure and the version it builds on, and only while something is unsaved", () => {
    const storage = new MemoryStorage();
    const base = sanheDraft();
    const content = setAt(base, "otherMatters", "未保存的");
    expect(writeDraft(storage, ID, { baseVersion: 3, base, content, unsaved: true })).toBe(true);
    expect([...storage.items.keys()]).toEqual([draftKey(ID, 3)]);
    // Saved at version 4 with more typed since: the old key goes, the new one stays.
    writeDraft(storage, ID, {
      baseVersion: 4,
      base: content,
      content: setAt(content, "otherMatters", "更多"),
      unsaved: true,
    });
    expect([...storage.items.keys()]).toEqual([draftKey(ID, 4)]);
    writeDraft(storage, ID, { baseVersion: 5, base: content, content, unsaved: false });
    expect(storage.items.size).toBe(0);
  });

  it("keeps text that could not be read yet, even when the readable content is saved", () => {
    const storage = new MemoryStorage();
    const base = sanheDraft();
    writeDraft(
      storage,
      ID,
      { baseVersion: 2, base, content: base, unsaved: false },
      { "budget.income.total": "27６5.3x" },
    );
    const [stored] = readDrafts<SavedDisclosure>(storage, ID);
    expect(stored.invalidTexts).toEqual({ "budget.income.total": "27６5.3x" });
    expect(chooseRestore({ version: 2, content: base }, [stored], isDraft)).toMatchObject({
      version: 2,
      invalidTexts: { "budget.income.total": "27６5.3x" },
    });
  });

  it("says so when the browser refuses to store it", () => {
    const storage = new MemoryStorage();
    storage.full = true;
    const base = sanheDraft();
    expect(
      writeDraft(storage, ID, { baseVersion: 1, base, content: setAt(base, "otherMatters", "x"), unsaved: true }),
    ).toBe(false);
  });

  it("restores the copy over the server's content, with the version it builds on", () => {
    const storage = new MemoryStorage();
    const base = sanheDraft();
    const mine = setAt(base, "otherMatters", "昨晚填写");
    writeDraft(
      storage,
      ID,
      { baseVersion: 3, base, content: mine, unsaved: true },
      {},
      new Date("2021-01-10T02:30:00Z"),
    );
    const server = { version: 5, content: setAt(base, "preamble", "他人改过") };
    expect(chooseRestore(server, readDrafts<SavedDisclosure>(storage, ID), isDraft)).toEqual({
      version: 3,
      base,
      content: mine,
      invalidTexts: {},
      storedAt: "2021-01-10T02:30:00.000Z",
    });
  });

  it("ignores a copy that holds nothing new, one from a version the server never had, and broken entries", () => {
    const storage = new MemoryStorage();
    const base = sanheDraft();
    writeDraft(storage, ID, { baseVersion: 2, base, content: setAt(base, "otherMatters", "x"), unsaved: true });
    expect(chooseRestore({ version: 1, content: base }, readDrafts<SavedDisclosure>(storage, ID), isDraft)).toBeNull();
    expect(
      chooseRestore(
        { version: 2, content: setAt(base, "otherMatters", "x") },
        readDrafts<SavedDisclosure>(storage, ID),
        isDraft,
      ),
    ).toBeNull();
    storage.setItem(draftKey(ID, 7), "{not json");
    expect(readDrafts<SavedDisclosure>(storage, ID)).toHaveLength(1);
  });
});
