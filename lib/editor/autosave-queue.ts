import { deepEqual } from "../domain/json";
import { mergeDisclosures, resolveConflicts, type Conflict, type MergeResult } from "../domain/merge";

/**
 * Autosave that never loses work, without React: the editor hands every edit to `edit()`, and the
 * queue saves a moment after typing stops, one save at a time, always the newest content.
 *
 * - `base` is the content as last saved (what the server holds at `version`); a save sends the
 *   version it builds on, and the server refuses a stale one.
 * - Stale: the queue sends again with its base, and the server merges (mergeDisclosures). Edits
 *   to other fields come back merged and appear in the form; the same field changed by both opens
 *   the conflict screen, and nothing is saved over either side until the clerk chooses.
 * - No answer (network down, server restarting): the edit stays local and is retried with a
 *   growing pause, or at once when the browser says it is online again.
 * - Refused (permission, state, invalid): the message is shown, the content is kept locally.
 */

export type SaveRequest<C> = { content: C; expectedVersion: number; base?: C };

export type SaveAnswer<C> =
  | { kind: "saved"; version: number }
  | { kind: "merged"; version: number; content: C }
  | { kind: "stale"; currentVersion: number }
  | { kind: "conflict"; version: number; theirs: C; merged: C; conflicts: Conflict[] }
  | { kind: "refused"; message: string; fieldErrors?: Record<string, string[]>; signedOut?: boolean }
  | { kind: "offline" };

export type AutosaveStatus =
  | { kind: "saved"; at: Date | null }
  | { kind: "pending" }
  | { kind: "saving" }
  | { kind: "offline"; attempts: number }
  | { kind: "conflict"; conflicts: Conflict[] }
  /** signedOut: the session ended (idle, signed out elsewhere); the edits wait in the local copy. */
  | { kind: "refused"; message: string; fieldErrors?: Record<string, string[]>; signedOut?: boolean };

export type LocalCopy<C> = { baseVersion: number; base: C; content: C };

export type AutosaveOptions<C> = {
  version: number;
  /** The content as the server holds it at `version`. */
  base: C;
  /** Where editing starts: the base, or an unsaved local copy restored from the browser. */
  content?: C;
  send: (request: SaveRequest<C>) => Promise<SaveAnswer<C>>;
  delayMs?: number;
  /** Pauses before retrying an unanswered save: 1 s, 2 s, 4 s, … up to this. */
  maxRetryMs?: number;
  now?: () => Date;
  /** Called on every change of status. */
  onStatus?: (status: AutosaveStatus) => void;
  /** The content changed under the editor (others' edits merged in, a conflict settled): show it. */
  onReplace?: (content: C) => void;
  /** Keep / drop the unsaved local copy (localStorage). */
  persist?: (copy: LocalCopy<C> & { unsaved: boolean }) => void;
};

export class AutosaveQueue<C> {
  private base: C;
  private current: C;
  private version: number;
  private status: AutosaveStatus;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inflight: Promise<void> | null = null;
  private attempts = 0;
  /** `mine` is the content the merge took as the clerk's; edits typed since are laid on top when settled. */
  private pendingConflict: { result: MergeResult<C>; theirs: C; version: number; mine: C } | null = null;
  private readonly delayMs: number;
  private readonly maxRetryMs: number;
  private disposed = false;

  constructor(private readonly opts: AutosaveOptions<C>) {
    this.base = opts.base;
    this.version = opts.version;
    this.current = opts.content ?? opts.base;
    this.delayMs = opts.delayMs ?? 800;
    this.maxRetryMs = opts.maxRetryMs ?? 10_000;
    this.status = { kind: "saved", at: null };
    if (!this.isSaved()) {
      this.persist();
      this.setStatus({ kind: "pending" });
      this.schedule(0);
    }
  }

  get snapshot(): { version: number; base: C; content: C; status: AutosaveStatus } {
    return { version: this.version, base: this.base, content: this.current, status: this.status };
  }

  /** True when nothing typed is only in this browser. */
  isSaved(): boolean {
    return !this.pendingConflict && deepEqual(this.current, this.base);
  }

  edit(content: C): void {
    this.current = content;
    if (this.pendingConflict) {
      this.persist();
      return;
    }
    if (this.isSaved()) {
      this.persist();
      if (!this.inflight && this.status.kind !== "saved") this.setStatus({ kind: "saved", at: null });
      this.clearTimer();
      return;
    }
    this.persist();
    if (this.status.kind !== "offline" && this.status.kind !== "saving") this.setStatus({ kind: "pending" });
    this.schedule(this.status.kind === "offline" ? this.retryDelay() : this.delayMs);
  }

  /** Save now (leaving the page, the browser back online, 提交). Resolves when the queue is idle. */
  async flush(): Promise<void> {
    this.clearTimer();
    while (!this.disposed) {
      if (this.inflight) {
        await this.inflight;
        continue;
      }
      if (this.isSaved() || this.pendingConflict || this.status.kind === "refused" || this.status.kind === "offline")
        return;
      await this.run();
    }
  }

  /** The browser is online again: try at once instead of waiting for the next retry. */
  retryNow(): void {
    if (this.status.kind === "offline" || this.status.kind === "refused") this.schedule(0, true);
  }

  /** Settle a conflict with a choice per field ("mine" or "theirs"); all must be chosen. */
  resolve(choices: Readonly<Record<string, "mine" | "theirs">>): Conflict[] {
    const pending = this.pendingConflict;
    if (!pending) return [];
    const settled = resolveConflicts(pending.result, choices);
    if (settled.conflicts.length > 0) return settled.conflicts;
    this.pendingConflict = null;
    this.base = pending.theirs;
    this.version = pending.version;
    if (!deepEqual(pending.mine, this.current)) {
      // Typed while the save was out: kept on top, except where the clerk has just chosen.
      const later = mergeDisclosures(pending.mine, this.current, settled.merged);
      const keepChosen = Object.fromEntries(later.conflicts.map((c) => [c.path, "theirs" as const]));
      this.current = resolveConflicts(later, keepChosen).merged;
    } else this.current = settled.merged;
    this.persist();
    this.opts.onReplace?.(this.current);
    this.setStatus({ kind: "pending" });
    this.schedule(0);
    return [];
  }

  dispose(): void {
    this.disposed = true;
    this.clearTimer();
  }

  private setStatus(status: AutosaveStatus): void {
    this.status = status;
    this.opts.onStatus?.(status);
  }

  private persist(): void {
    this.opts.persist?.({
      baseVersion: this.version,
      base: this.base,
      content: this.current,
      unsaved: !this.isSaved(),
    });
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(ms: number, force = false): void {
    if (this.disposed || this.pendingConflict) return;
    if (force && this.status.kind === "refused") this.setStatus({ kind: "pending" });
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      if (!this.inflight) void this.run();
      // A save already under way takes the newest content when it is answered.
    }, ms);
  }

  private retryDelay(): number {
    return Math.min(this.maxRetryMs, 1000 * 2 ** Math.max(0, this.attempts - 1));
  }

  private run(): Promise<void> {
    const task = this.save().finally(() => {
      this.inflight = null;
    });
    this.inflight = task;
    return task;
  }

  private async save(): Promise<void> {
    if (this.isSaved()) {
      this.persist();
      this.setStatus({ kind: "saved", at: this.status.kind === "saved" ? this.status.at : null });
      return;
    }
    const sent = this.current;
    this.setStatus({ kind: "saving" });
    let answer = await this.ask({ content: sent, expectedVersion: this.version });
    // Someone saved in between: send the base too, for the server to merge.
    if (answer.kind === "stale")
      answer = await this.ask({ content: sent, expectedVersion: this.version, base: this.base });
    if (this.disposed) return;
    switch (answer.kind) {
      case "saved":
        this.attempts = 0;
        this.base = sent;
        this.version = answer.version;
        return this.afterSave();
      case "merged":
        this.attempts = 0;
        this.base = answer.content;
        this.version = answer.version;
        return this.takeTheirs(sent, answer.content, answer.version);
      case "conflict":
        this.attempts = 0;
        return this.openConflict(
          { merged: answer.merged, conflicts: answer.conflicts },
          answer.theirs,
          answer.version,
          sent,
        );
      case "stale":
      case "offline":
        this.attempts++;
        this.setStatus({ kind: "offline", attempts: this.attempts });
        this.schedule(this.retryDelay(), true);
        return;
      case "refused":
        this.setStatus({
          kind: "refused",
          message: answer.message,
          fieldErrors: answer.fieldErrors,
          ...(answer.signedOut ? { signedOut: true } : {}),
        });
        return;
    }
  }

  private async ask(request: SaveRequest<C>): Promise<SaveAnswer<C>> {
    try {
      return await this.opts.send(request);
    } catch {
      // fetch rejects when the network is down or the server is not answering.
      return { kind: "offline" };
    }
  }

  /** The server stored `stored` (the save merged with others' edits); bring the editor up to it. */
  private takeTheirs(sent: C, stored: C, version: number): void {
    if (deepEqual(this.current, sent)) {
      this.current = stored;
      this.opts.onReplace?.(stored);
      return this.afterSave();
    }
    // Typed on while the save was out: keep those edits on top of what the server now holds.
    const local = mergeDisclosures(sent, this.current, stored);
    if (local.conflicts.length > 0) return this.openConflict(local, stored, version, this.current);
    this.current = local.merged;
    this.opts.onReplace?.(local.merged);
    this.afterSave();
  }

  private openConflict(result: MergeResult<C>, theirs: C, version: number, mine: C): void {
    // The server holds `theirs` at `version`: that is what the settled content will be saved over.
    this.pendingConflict = { result, theirs, version, mine };
    this.persist();
    this.setStatus({ kind: "conflict", conflicts: result.conflicts });
  }

  private afterSave(): void {
    this.persist();
    if (this.isSaved()) {
      this.setStatus({ kind: "saved", at: (this.opts.now ?? (() => new Date()))() });
    } else {
      this.setStatus({ kind: "pending" });
      this.schedule(this.delayMs);
    }
  }
}
