import Link from "next/link";
import { zhCN } from "@/lib/i18n/zh-CN";
import { queueStates } from "@/lib/workflow/queue-view";
import type { DisclosureState } from "@/lib/workflow/states";
import { Button } from "@/components/ui/button";

const m = zhCN.workflow.queue;
const select = "mt-1 block h-9 rounded-md border border-slate-300 bg-white px-2 text-sm";

export type QueueQuery = { state?: DisclosureState; year?: number; desk?: string; q?: string };

/** The queue's filters as a plain GET form: they live in the URL, so a reload or a shared link keeps them. */
export function QueueFilters({
  query,
  years,
  desks,
  counts,
}: {
  query: QueueQuery;
  years: number[];
  desks: { id: string; name: string }[];
  counts: Partial<Record<DisclosureState, number>>;
}) {
  return (
    <form
      method="get"
      action="/review"
      aria-label={m.filters}
      className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white px-4 py-3"
    >
      <label className="text-sm text-slate-700">
        {m.state}
        <select name="state" defaultValue={query.state ?? ""} className={select}>
          <option value="">{m.allStates}</option>
          {queueStates.map((s) => (
            <option key={s} value={s}>
              {zhCN.states[s]}（{counts[s] ?? 0}）
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm text-slate-700">
        {m.year}
        <select name="year" defaultValue={query.year ? String(query.year) : ""} className={select}>
          <option value="">{m.allYears}</option>
          {years.map((y) => (
            <option key={y} value={y}>
              {zhCN.common.yearSuffix(y)}
            </option>
          ))}
        </select>
      </label>
      {desks.length > 1 ? (
        <label className="text-sm text-slate-700">
          {m.desk}
          <select name="desk" defaultValue={query.desk ?? ""} className={select}>
            <option value="">{m.allDesks}</option>
            {desks.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <label className="text-sm text-slate-700">
        {m.text}
        <input name="q" defaultValue={query.q ?? ""} placeholder={m.textPlaceholder} className={`${select} w-48`} />
      </label>
      <Button type="submit" size="sm">
        {m.apply}
      </Button>
      <Link href="/review" className="self-center text-sm text-brand-700 hover:underline">
        {m.clear}
      </Link>
    </form>
  );
}
