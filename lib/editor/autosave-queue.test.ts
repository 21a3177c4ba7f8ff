import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { mergeDisclosures } from "../domain/merge";
import { setAt } from "../domain/paths";
import type { SavedDisclosure } from "../domain/editable";
import { sanheDraft } from "../domain/__fixtures__/sanhe-draft";
import { AutosaveQueue, type AutosaveStatus, type SaveAnswer, type SaveRequest } from "./autosave-queue";

/**
 * The queue against a small in-memory server that behaves as the save operation does: a stale
 * version is refused unless the base comes along, then merged. The network can be cut.
 */
class FakeServer {
  version = 1;
  requests: SaveRequest<SavedDisclosure>[] = [];
  online = true;
  constructor(public content: SavedDisclosure) {}
  /** Someone else saves. */
  saveAsOther(next: SavedDisclosure) {
    this.content = next;
    this.version++;
  }
  send = async (request: SaveRequest<SavedDisclosure>): Promise<SaveAnswer<SavedDisclosure>> => {
    this.requests.push(request);
    if (!this.online) throw new TypeError("Failed to fetch");
    if (request.expectedVersion === this.version) {
      this.content = request.content;
      this.version++;
      return { kind: "saved", version: this.version };
    }
    if (!request.base) return { kind: "stale", currentVersion: this.version };
    const result = mergeDisclosures(request.base, request.content, this.content);
    if (result.conflicts.length > 0)
      return {
        kind: "conflict",
        version: this.version,
        theirs: this.content,
        merged: result.merged,
        conflicts: result.conflicts,
      };
    this.content = result.merged;
    this.version++;
    return { kind: "merged", version: this.version, content: this.content };
  };
}

const edit = (d: SavedDisclosure, path: string, value: unknown) => setAt(d, path, value);

let server: FakeServer;
let statuses: AutosaveStatus[];
let replaced: SavedDisclosure[];
let stored: Array<{ unsaved: boolean; baseVersion: number }>;

function queue(content?: SavedDisclosure) {
  return new AutosaveQueue<SavedDisclosure>({
    version: server.version,
    base: server.content,
    content,
    send: server.send,
    delayMs: 800,
    onStatus: (s) => statuses.push(s),
    onReplace: (c) => replaced.push(c),
    persist: (copy) => stored.push({ unsaved: copy.unsaved, baseVersion: copy.baseVersion }),
  });
}

beforeEach(() => {
  vi.useFakeTimers();
  server = new FakeServer(sanheDraft());
  statuses = [];
  replaced = [];
  stored = [];
});
afterEach(() => {
  vi.useRealTimers();
});

describe("autosave", () => {
  it("saves 800 ms after typing stops, once, with the newest content", async () => {
    const q = queue();
    let d = server.content;
    for (const text of ["88.00", "88.80", "88.88"]) {
      d = edit(d, "operatingExpenses.amount", text);
      q.edit(d);
      await vi.advanceTimersByTimeAsync(300);
    }
    expect(server.requests).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(800);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]).toMatchObject({ expectedVersion: 1 });
    expect(server.content.operatingExpenses.amount).toBe("88.88");
    expect(statuses.at(-1)).toMatchObject({ kind: "saved" });
    expect(q.isSaved()).toBe(true);
    expect(stored.at(-1)).toEqual({ unsaved: false, baseVersion: 2 });
  });

  it("typing back to the saved value saves nothing", async () => {
    const q = queue();
    const original = server.content;
    q.edit(edit(original, "otherMatters", "改了"));
    q.edit(original);
    await vi.advanceTimersByTimeAsync(2000);
    expect(server.requests).toHaveLength(0);
    expect(statuses.at(-1)).toMatchObject({ kind: "saved" });
  });

  it("edits to different fields by two people merge, and the other person's edit appears", async () => {
    const q = queue();
    server.saveAsOther(edit(server.content, "budget.changeReasons.basic", "他人填写的原因"));
    q.edit(edit(q.snapshot.content, "otherMatters", "我填写的事项"));
    await vi.advanceTimersByTimeAsync(800);
    // The first try is refused as stale; the second carries the base and is merged.
    expect(server.requests.map((r) => !!r.base)).toEqual([false, true]);
    expect(server.content.otherMatters).toBe("我填写的事项");
    expect(server.content.budget.changeReasons.basic).toBe("他人填写的原因");
    expect(replaced.at(-1)?.budget.changeReasons.basic).toBe("他人填写的原因");
    expect(q.snapshot).toMatchObject({ version: server.version, status: { kind: "saved" } });
  });

  it("the same field changed by both opens a conflict, saves nothing over either, and saves the clerk's choice", async () => {
    const q = queue();
    server.saveAsOther(edit(server.content, "threePublic.current.reception", "150.00"));
    q.edit(edit(q.snapshot.content, "threePublic.current.reception", "170.00"));
    await vi.advanceTimersByTimeAsync(800);
    expect(statuses.at(-1)).toMatchObject({ kind: "conflict" });
    const [conflict] = (statuses.at(-1) as Extract<AutosaveStatus, { kind: "conflict" }>).conflicts;
    expect(conflict).toMatchObject({ path: "threePublic.current.reception", mine: "170.00", theirs: "150.00" });
    expect(server.content.threePublic.current.reception).toBe("150.00");
    // Kept locally all the while.
    expect(stored.at(-1)).toMatchObject({ unsaved: true });
    expect(q.resolve({})).toHaveLength(1);
    expect(q.resolve({ "threePublic.current.reception": "mine" })).toEqual([]);
    await vi.advanceTimersByTimeAsync(0);
    expect(server.content.threePublic.current.reception).toBe("170.00");
    expect(q.isSaved()).toBe(true);
  });

  it("keeps edits through a network drop, retries, and saves when the server answers again", async () => {
    const q = queue();
    server.online = false;
    q.edit(edit(q.snapshot.content, "otherMatters", "断网时填写"));
    await vi.advanceTimersByTimeAsync(800);
    expect(statuses.at(-1)).toMatchObject({ kind: "offline", attempts: 1 });
    expect(stored.at(-1)).toMatchObject({ unsaved: true, baseVersion: 1 });
    await vi.advanceTimersByTimeAsync(1000);
    expect(statuses.at(-1)).toMatchObject({ kind: "offline", attempts: 2 });
    server.online = true;
    q.retryNow();
    await vi.advanceTimersByTimeAsync(0);
    expect(server.content.otherMatters).toBe("断网时填写");
    expect(statuses.at(-1)).toMatchObject({ kind: "saved" });
  });

  it("a copy restored from the browser, built on an older version, is saved with its base and merged", async () => {
    const base = server.content;
    const mine = edit(base, "otherMatters", "昨天没保存上的");
    server.saveAsOther(edit(base, "preamble", "他人今天改的前言"));
    const q = new AutosaveQueue<SavedDisclosure>({
      version: 1,
      base,
      content: mine,
      send: server.send,
      onStatus: (s) => statuses.push(s),
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(server.content).toMatchObject({ otherMatters: "昨天没保存上的", preamble: "他人今天改的前言" });
    expect(q.isSaved()).toBe(true);
  });

  it("a refused save is reported and kept; the next edit tries again", async () => {
    let refuse = true;
    const q = new AutosaveQueue<SavedDisclosure>({
      version: 1,
      base: server.content,
      send: async (r) => (refuse ? { kind: "refused", message: "当前状态（已提交）下不能修改内容。" } : server.send(r)),
      onStatus: (s) => statuses.push(s),
    });
    q.edit(edit(q.snapshot.content, "otherMatters", "甲"));
    await vi.advanceTimersByTimeAsync(800);
    expect(statuses.at(-1)).toEqual({
      kind: "refused",
      message: "当前状态（已提交）下不能修改内容。",
      fieldErrors: undefined,
    });
    expect(q.isSaved()).toBe(false);
    refuse = false;
    q.edit(edit(q.snapshot.content, "otherMatters", "甲乙"));
    await vi.advanceTimersByTimeAsync(800);
    expect(server.content.otherMatters).toBe("甲乙");
  });

  it("flush() saves at once and waits; typing during a save is saved after it", async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const q = new AutosaveQueue<SavedDisclosure>({
      version: 1,
      base: server.content,
      send: async (r) => {
        await gate;
        return server.send(r);
      },
    });
    q.edit(edit(q.snapshot.content, "otherMatters", "一"));
    const flushed = q.flush();
    await vi.advanceTimersByTimeAsync(0);
    q.edit(edit(q.snapshot.content, "otherMatters", "一二"));
    release();
    await flushed;
    expect(server.content.otherMatters).toBe("一二");
    expect(server.requests.map((r) => r.content.otherMatters)).toEqual(["一", "一二"]);
  });
});
