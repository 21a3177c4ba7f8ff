"use client";

import type { AutosaveStatus } from "@/lib/editor/autosave-queue";
import { zhCN } from "@/lib/i18n/zh-CN";
import { cn } from "@/components/ui/cn";

const m = zhCN.editor.save;

/** `HH:mm` in Beijing time, as the bureau works. */
function clock(at: Date): string {
  return new Intl.DateTimeFormat("zh-CN", {
    timeZone: "Asia/Shanghai",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(at);
}

/**
 * 已保存 10:32 / 正在保存… / 未保存（离线）: where the clerk's work is, always in view. An input that
 * cannot be read (`invalid`, counted by the editor) is not saved: never 已保存 while one is open.
 */
export function SaveStatus({ status, invalid = 0 }: { status: AutosaveStatus; invalid?: number }) {
  const unreadable = invalid > 0 && status.kind === "saved";
  const [text, tone, title] = (() => {
    if (unreadable) return [m.invalid(invalid), "text-red-700", m.invalidHint];
    switch (status.kind) {
      case "saved":
        return [status.at ? m.saved(clock(status.at)) : m.savedNothingYet, "text-emerald-800", undefined];
      case "pending":
        return [m.pending, "text-slate-600", undefined];
      case "saving":
        return [m.saving, "text-slate-600", undefined];
      case "offline":
        return [m.offline, "text-orange-800", m.offlineHint];
      case "conflict":
        return [m.conflict, "text-red-700", undefined];
      case "refused":
        return [m.refused, "text-red-700", status.message];
    }
  })();
  return (
    <p
      role="status"
      aria-live="polite"
      data-testid="save-status"
      data-state={unreadable ? "invalid" : status.kind}
      title={title}
      className={cn("text-sm whitespace-nowrap", tone)}
    >
      {text}
    </p>
  );
}
