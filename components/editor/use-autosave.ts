"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { editableDisclosure, ensureRowIds, type EditableDisclosure } from "@/lib/domain/editable";
import { AutosaveQueue, type AutosaveStatus, type SaveAnswer, type SaveRequest } from "@/lib/editor/autosave-queue";
import { chooseRestore, readDrafts, writeDraft, type DraftStorage } from "@/lib/editor/local-draft";
import { sectionOfPath } from "@/lib/editor/section-state";
import type { SectionId } from "@/lib/domain/model";
import type { SaveContentAnswer } from "@/app/disclosures/[id]/edit/operations";
import { sendJson } from "@/lib/editor/json-route";
import { zhCN } from "@/lib/i18n/zh-CN";

const isEditable = (value: unknown): value is EditableDisclosure => editableDisclosure.safeParse(value).success;

function browserStorage(): DraftStorage | null {
  try {
    return window.localStorage;
  } catch {
    // Storage disabled by policy: the editor still saves, it just cannot keep a local copy.
    return null;
  }
}

/** One autosave (app/api/disclosures/[id]/content/route.ts), answered as the queue understands it. */
async function ask(id: string, request: SaveRequest<EditableDisclosure>): Promise<SaveAnswer<EditableDisclosure>> {
  const outcome = await sendJson<SaveContentAnswer>(
    "PUT",
    `/api/disclosures/${encodeURIComponent(id)}/content`,
    request,
  );
  if (outcome.ok) return outcome.data;
  switch (outcome.code) {
    case "conflict":
      // Without the base the server cannot merge: send it. With it, others are saving right now: retry later.
      return request.base ? { kind: "offline" } : { kind: "stale", currentVersion: 0 };
    case "error":
      // The server is up but failing (a database restarting): keep the edits and try again.
      return { kind: "offline" };
    case "unauthenticated":
      return { kind: "refused", message: outcome.formError ?? "", signedOut: true };
    default:
      return {
        kind: "refused",
        message: refusalMessage(outcome.formError, outcome.fieldErrors),
        fieldErrors: outcome.fieldErrors,
      };
  }
}

/**
 * What the clerk reads when a save is refused: the server's own words, or, where it only says
 * "填写的内容有误", the first field's message (a table over its row limit names itself there).
 */
function refusalMessage(formError: string | null, fieldErrors: Record<string, string[]>): string {
  const first = Object.values(fieldErrors).flat()[0];
  return formError && (formError !== zhCN.errors.invalidInput || !first) ? formError : (first ?? "");
}

export type AutosaveState = {
  content: EditableDisclosure;
  /** Grows when the content was replaced from outside the form (forms reset to it). */
  revision: number;
  invalidTexts: Readonly<Record<string, string>>;
  status: AutosaveStatus;
  restoredAt: string | null;
  storageFailed: boolean;
  update: (content: EditableDisclosure, invalid?: { section: SectionId; texts: Record<string, string> }) => void;
  resolve: (choices: Readonly<Record<string, "mine" | "theirs">>) => void;
  /** Saves now and waits; resolves to the version everything is saved at, or null when it is not. */
  flush: () => Promise<number | null>;
};

/**
 * The editor's content and its autosave (lib/editor/autosave-queue.ts) in React: restores an
 * unsaved copy from localStorage on opening, keeps the copy current on every edit, retries when
 * the browser is back online, and warns before leaving with anything unsaved.
 */
export function useAutosave({
  disclosureId,
  version,
  initial,
  readOnly,
}: {
  disclosureId: string;
  version: number;
  initial: EditableDisclosure;
  readOnly: boolean;
}): AutosaveState {
  const [content, setContent] = useState(initial);
  const [revision, setRevision] = useState(0);
  const [invalidTexts, setInvalidTexts] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<AutosaveStatus>({ kind: "saved", at: null });
  const [restoredAt, setRestoredAt] = useState<string | null>(null);
  const [storageFailed, setStorageFailed] = useState(false);
  const queue = useRef<AutosaveQueue<EditableDisclosure> | null>(null);
  const invalidRef = useRef<Record<string, string>>({});

  useEffect(() => {
    if (readOnly) return;
    const storage = browserStorage();
    // Whether the last edit's copy is really in localStorage (a full quota refuses it).
    let copyKept = storage !== null;
    const restore = storage
      ? chooseRestore({ version, content: initial }, readDrafts<EditableDisclosure>(storage, disclosureId), isEditable)
      : null;
    if (restore) invalidRef.current = restore.invalidTexts;
    const q = new AutosaveQueue<EditableDisclosure>({
      version: restore?.version ?? version,
      base: restore?.base ?? initial,
      content: restore?.content,
      send: (request) => ask(disclosureId, request),
      onStatus: setStatus,
      onReplace: (replaced) => {
        setContent(replaced);
        setRevision((r) => r + 1);
      },
      persist: (copy) => {
        if (!storage) return;
        copyKept = writeDraft(storage, disclosureId, copy, invalidRef.current);
        setStorageFailed(!copyKept);
      },
    });
    queue.current = q;
    if (restore) {
      setContent(restore.content);
      setInvalidTexts(restore.invalidTexts);
      setRevision((r) => r + 1);
      setRestoredAt(restore.storedAt);
    }
    const online = () => q.retryNow();
    // Back from signing in again in another window: try the refused save once more.
    const focused = () => {
      const now = q.snapshot.status;
      if (now.kind === "refused" && now.signedOut) q.retryNow();
    };
    const leaving = (e: BeforeUnloadEvent) => {
      if (q.isSaved() && Object.keys(invalidRef.current).length === 0) return;
      // Signed out, going to sign in again: the local copy comes back when the editor reopens.
      const now = q.snapshot.status;
      if (copyKept && now.kind === "refused" && now.signedOut) return;
      void q.flush();
      e.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      e.returnValue = "";
    };
    window.addEventListener("online", online);
    window.addEventListener("focus", focused);
    window.addEventListener("beforeunload", leaving);
    return () => {
      window.removeEventListener("online", online);
      window.removeEventListener("focus", focused);
      window.removeEventListener("beforeunload", leaving);
      q.dispose();
      queue.current = null;
    };
    // Opened once per page: the server's content and version are the starting point only.
  }, []);

  const update = useCallback<AutosaveState["update"]>((next, invalid) => {
    if (invalid) {
      const others = Object.entries(invalidRef.current).filter(([path]) => sectionOfPath(path) !== invalid.section);
      const merged = Object.fromEntries([...others, ...Object.entries(invalid.texts)]);
      if (JSON.stringify(merged) !== JSON.stringify(invalidRef.current)) {
        invalidRef.current = merged;
        setInvalidTexts(merged);
      }
    }
    const withIds = ensureRowIds(next);
    setContent(withIds);
    queue.current?.edit(withIds);
  }, []);

  const resolve = useCallback<AutosaveState["resolve"]>((choices) => {
    queue.current?.resolve(choices);
  }, []);

  const flush = useCallback(async () => {
    const q = queue.current;
    if (!q) return null;
    await q.flush();
    return q.isSaved() ? q.snapshot.version : null;
  }, []);

  return { content, revision, invalidTexts, status, restoredAt, storageFailed, update, resolve, flush };
}
