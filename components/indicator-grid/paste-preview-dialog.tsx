"use client";

import { useId } from "react";
import { cellText, type GridColumnKey } from "@/lib/grid/columns";
import type { PastePlan } from "@/lib/grid/paste-plan";
import { readTarget } from "@/lib/grid/target-display";
import { gridMessages } from "@/lib/i18n/zh-CN/grid";
import { Button } from "@/components/ui/button";
import { Modal } from "./modal";

const m = gridMessages.paste;
const c = gridMessages.columns;
const ADDED_COLUMNS: ReadonlyArray<GridColumnKey> = ["level1", "level2", "name", "description", "target", "basis"];

/** What a pasted block will change — rows added, cells changed, problems — before it is applied. */
export function PastePreviewDialog({
  plan,
  onApply,
  onCancel,
}: {
  plan: PastePlan;
  onApply(): void;
  onCancel(): void;
}) {
  const titleId = useId();
  const nothing = plan.added.length === 0 && plan.changes.length === 0;
  return (
    <Modal
      title={m.title}
      labelledBy={titleId}
      wide
      onCancel={onCancel}
      footer={
        <>
          <Button variant="secondary" size="sm" onClick={onCancel}>
            {m.cancel}
          </Button>
          <Button size="sm" onClick={onApply} disabled={nothing} autoFocus>
            {m.apply}
          </Button>
        </>
      }
    >
      <div className="space-y-4 text-sm" data-testid="paste-preview">
        <p className="text-slate-700">
          {m.intro(plan.rowsRead)}
          <span className="ml-2 text-slate-500">
            {plan.mode === "header" ? m.withHeader : m.byPosition(c[plan.startColumn])}
          </span>
        </p>
        <p className="font-medium" data-testid="paste-summary">
          {nothing ? m.nothing : m.summary(plan.added.length, plan.changes.length)}
        </p>
        {plan.problems.length > 0 ? (
          <section>
            <h3 className="mb-1 font-medium text-amber-900">{m.problems}</h3>
            <ul className="list-disc space-y-0.5 pl-5 text-amber-900" data-testid="paste-problems">
              {plan.problems.map((p, i) => (
                <li key={i}>{p.message}</li>
              ))}
            </ul>
          </section>
        ) : null}
        {plan.changes.length > 0 ? (
          <section>
            <h3 className="mb-1 font-medium">{m.changedCells}</h3>
            <table className="w-full border-collapse text-xs">
              <thead className="bg-slate-100 text-left">
                <tr>
                  <th className="border border-slate-200 px-2 py-1 w-12">{m.row}</th>
                  <th className="border border-slate-200 px-2 py-1 w-28">{m.column}</th>
                  <th className="border border-slate-200 px-2 py-1">{m.before}</th>
                  <th className="border border-slate-200 px-2 py-1">{m.after}</th>
                </tr>
              </thead>
              <tbody>
                {plan.changes.map((ch, i) => (
                  <tr key={i}>
                    <td className="tabular border border-slate-200 px-2 py-1 text-center">{ch.row + 1}</td>
                    <td className="border border-slate-200 px-2 py-1">{c[ch.column]}</td>
                    <td className="border border-slate-200 px-2 py-1 text-slate-500 line-through decoration-slate-400">
                      {ch.before}
                    </td>
                    <td className="border border-slate-200 bg-emerald-50 px-2 py-1">{ch.after}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ) : null}
        {plan.added.length > 0 ? (
          <section>
            <h3 className="mb-1 font-medium">{m.addedRows}</h3>
            <table className="w-full border-collapse text-xs">
              <thead className="bg-slate-100 text-left">
                <tr>
                  <th className="border border-slate-200 px-2 py-1 w-12">{m.row}</th>
                  {ADDED_COLUMNS.map((key) => (
                    <th key={key} className="border border-slate-200 px-2 py-1">
                      {c[key]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {plan.added.map(({ row, indicator }) => (
                  <tr key={row} className="bg-emerald-50/50 align-top">
                    <td className="tabular border border-slate-200 px-2 py-1 text-center">{row + 1}</td>
                    {ADDED_COLUMNS.map((key) => (
                      <td key={key} className="border border-slate-200 px-2 py-1">
                        {key === "target" ? (
                          <TargetPreview raw={cellText(indicator, key)} reading={readTarget(indicator.target)} />
                        ) : (
                          cellText(indicator, key)
                        )}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ) : null}
      </div>
    </Modal>
  );
}

function TargetPreview({ raw, reading }: { raw: string; reading: ReturnType<typeof readTarget> }) {
  return (
    <span>
      {raw}
      {reading.tone === "quantitative" || reading.tone === "qualitative" ? (
        <span className="tabular block text-slate-500">{reading.text}</span>
      ) : reading.tone === "unparsed" ? (
        <span className="block text-red-700">{gridMessages.target.unreadableShort}</span>
      ) : null}
    </span>
  );
}
