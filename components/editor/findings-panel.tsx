"use client";

import { useId, useState } from "react";
import { sections } from "@/lib/domain/model";
import { describePath } from "@/lib/domain/paths";
import { sectionOfPath } from "@/lib/editor/section-state";
import { zhCN } from "@/lib/i18n/zh-CN";
import { summariseFindings } from "@/lib/rules/engine";
import type { Finding } from "@/lib/rules/finding";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { useEditor, useExplanation } from "./editor-context";
import { ExplanationForm } from "./explanation-form";

const m = zhCN.editor.findings;
const tone: Record<Finding["severity"], BadgeTone> = { error: "danger", warning: "warning", info: "neutral" };
/** What must be fixed comes first, then what must be explained, then what is for reference. */
const ORDER: ReadonlyArray<Finding["severity"]> = ["error", "warning", "info"];

/**
 * Every finding of the rules: errors, then hints, then references, each by section; each entry
 * jumps to its field. `docked` is the panel kept at the foot of the screen beside the wide
 * sections (五's project tables, the budget tables), where it opens and closes.
 */
export function FindingsPanel({
  document,
  docked,
}: {
  document: unknown;
  docked?: { open: boolean; onToggle(): void };
}) {
  const { findings } = useEditor();
  const summary = summariseFindings(findings);
  const bodyId = useId();
  const open = !docked || docked.open;
  return (
    <section
      aria-labelledby="findings-title"
      data-testid="findings-panel"
      className="flex max-h-full min-h-0 flex-col rounded-lg border border-slate-200 bg-white shadow-sm"
    >
      <header className="flex items-center gap-3 border-b border-slate-200 px-4 py-2.5">
        <div className="min-w-0 flex-1">
          <h2 id="findings-title" className="text-sm font-semibold text-slate-900">
            {m.title}
          </h2>
          <p className="mt-0.5 text-xs text-slate-600" data-testid="findings-count">
            {m.count(summary.error, summary.warning, summary.info)}
          </p>
        </div>
        {docked ? (
          <button
            type="button"
            aria-expanded={docked.open}
            aria-controls={bodyId}
            onClick={docked.onToggle}
            className="rounded px-2 py-1 text-xs font-medium text-brand-700 hover:bg-brand-50"
          >
            {docked.open ? m.hide : m.show}
          </button>
        ) : null}
      </header>
      <div id={bodyId} hidden={!open} className={cn("min-h-0 flex-1 overflow-y-auto", docked && "max-h-[30vh]")}>
        {findings.length === 0 ? (
          <p className="px-4 py-6 text-sm text-slate-600">{m.none}</p>
        ) : (
          <div className="px-2 py-2">
            {ORDER.map((severity) => (
              <SeverityGroup
                key={severity}
                severity={severity}
                findings={findings.filter((f) => f.severity === severity)}
                document={document}
              />
            ))}
          </div>
        )}
      </div>
    </section>
  );
}

function SeverityGroup({
  severity,
  findings,
  document,
}: {
  severity: Finding["severity"];
  findings: ReadonlyArray<Finding>;
  document: unknown;
}) {
  if (findings.length === 0) return null;
  return (
    <div className="mb-3" data-severity={severity}>
      <h3 className="px-2 pt-1 pb-1 text-xs font-semibold text-slate-700">
        {m.severityGroup(m.severity[severity], findings.length)}
      </h3>
      {sections.map((s) => {
        const here = findings.filter((f) => sectionOfPath(f.path) === s.id);
        if (here.length === 0) return null;
        return (
          <div key={s.id} className="mb-1">
            <p className="px-2 pb-0.5 text-xs text-slate-500">
              {s.number}、{s.title}
            </p>
            <ul className="space-y-1">
              {here.map((f) => (
                <FindingEntry key={`${f.rule}|${f.path}|${f.message}`} finding={f} document={document} />
              ))}
            </ul>
          </div>
        );
      })}
    </div>
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
      data-severity={finding.severity}
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
          {open ? <ExplanationForm finding={finding} document={document} onDone={() => setOpen(false)} /> : null}
        </div>
      ) : null}
    </li>
  );
}
