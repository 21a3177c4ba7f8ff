"use client";

import { useState } from "react";
import { sections } from "@/lib/domain/model";
import { describePath } from "@/lib/domain/paths";
import { sectionOfPath } from "@/lib/editor/section-state";
import { zhCN } from "@/lib/i18n/zh-CN";
import { summariseFindings } from "@/lib/rules/engine";
import type { Finding } from "@/lib/rules/finding";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { useEditor, useExplanation } from "./editor-context";
import { ExplanationForm } from "./explanation-form";

const m = zhCN.editor.findings;
const tone: Record<Finding["severity"], BadgeTone> = { error: "danger", warning: "warning", info: "neutral" };

/** Every finding of the rules, by section; each entry jumps to its field. */
export function FindingsPanel({ document }: { document: unknown }) {
  const { findings } = useEditor();
  const summary = summariseFindings(findings);
  return (
    <section
      aria-labelledby="findings-title"
      className="flex max-h-full min-h-0 flex-col rounded-lg border border-slate-200 bg-white shadow-sm"
    >
      <header className="border-b border-slate-200 px-4 py-3">
        <h2 id="findings-title" className="text-sm font-semibold text-slate-900">
          {m.title}
        </h2>
        <p className="mt-0.5 text-xs text-slate-600" data-testid="findings-count">
          {m.count(summary.error, summary.warning, summary.info)}
        </p>
      </header>
      {findings.length === 0 ? (
        <p className="px-4 py-6 text-sm text-slate-600">{m.none}</p>
      ) : (
        <div className="min-h-0 flex-1 overflow-y-auto px-2 py-2">
          {sections.map((s) => {
            const here = findings.filter((f) => sectionOfPath(f.path) === s.id);
            if (here.length === 0) return null;
            return (
              <div key={s.id} className="mb-2">
                <h3 className="px-2 pt-1 pb-1 text-xs font-medium text-slate-500">
                  {s.number}、{s.title}
                </h3>
                <ul className="space-y-1">
                  {here.map((f) => (
                    <FindingEntry key={`${f.rule}|${f.path}|${f.message}`} finding={f} document={document} />
                  ))}
                </ul>
              </div>
            );
          })}
        </div>
      )}
    </section>
  );
}

function FindingEntry({ finding, document }: { finding: Finding; document: unknown }) {
  const { jumpTo, readOnly } = useEditor();
  const explanation = useExplanation(finding);
  const [open, setOpen] = useState(false);
  return (
    <li
      className="rounded-md px-2 py-1.5 hover:bg-slate-50"
      data-testid="finding"
      data-rule={finding.rule}
      data-path={finding.path}
    >
      <button type="button" className="block w-full text-left" onClick={() => jumpTo(finding.path)} title={m.jump}>
        <span className="flex items-start gap-2">
          <Badge tone={tone[finding.severity]} className="mt-0.5 shrink-0">
            {m.severity[finding.severity]}
          </Badge>
          <span className="min-w-0 text-sm text-slate-800">{finding.message}</span>
        </span>
        <span className="mt-0.5 block pl-10 text-xs text-slate-500">{describePath(finding.path, document)}</span>
      </button>
      {finding.severity === "warning" ? (
        <div className="pl-10 text-xs">
          {explanation && !open ? (
            <p className="text-slate-600">
              {m.explained}：{explanation}
            </p>
          ) : null}
          {!readOnly && !open ? (
            <button type="button" className="text-brand-700 underline underline-offset-2" onClick={() => setOpen(true)}>
              {m.explain}
            </button>
          ) : null}
          {open ? <ExplanationForm finding={finding} onDone={() => setOpen(false)} /> : null}
        </div>
      ) : null}
    </li>
  );
}
