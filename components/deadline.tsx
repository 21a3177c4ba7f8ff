import { daysUntil, formatDate, todayIso } from "@/lib/i18n/format";
import { zhCN } from "@/lib/i18n/zh-CN";

/**
 * A submission deadline as `2020年12月31日` with how much time is left. `done` (already submitted
 * or further) hides the countdown: a finished disclosure is not late.
 */
export function Deadline({ date, done = false }: { date: string | null | undefined; done?: boolean }) {
  if (!date) return <span className="text-slate-500">{zhCN.common.notSet}</span>;
  const days = daysUntil(date, todayIso());
  let note: { text: string; className: string } | null = null;
  if (!done) {
    if (days < 0) note = { text: zhCN.common.overdue, className: "text-red-700 font-medium" };
    else if (days === 0) note = { text: zhCN.common.dueToday, className: "text-amber-700 font-medium" };
    else if (days <= 14) note = { text: zhCN.common.dueInDays(days), className: "text-amber-700" };
  }
  return (
    <span className="tabular whitespace-nowrap">
      <time dateTime={date}>{formatDate(date)}</time>
      {note ? <span className={`ml-2 text-xs ${note.className}`}>{note.text}</span> : null}
    </span>
  );
}
