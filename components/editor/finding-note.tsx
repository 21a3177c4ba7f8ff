"use client";

import { useState } from "react";
import { zhCN } from "@/lib/i18n/zh-CN";
import type { Finding } from "@/lib/rules/finding";
import { cn } from "@/components/ui/cn";
import { useEditor, useExplanation } from "./editor-context";
import { ExplanationForm } from "./explanation-form";

const m = zhCN.editor.findings;

const tone: Record<Finding["severity"], string> = {
  error: "text-red-700",
  warning: "text-orange-800",
  info: "text-slate-600",
};

/** A finding under its field: what is wrong, what to do, and for a warning whether it is explained. */
export function FindingNote({ finding }: { finding: Finding }) {
  const { readOnly } = useEditor();
  const explanation = useExplanation(finding);
  const [open, setOpen] = useState(false);
  return (
    <li className={cn("text-sm", tone[finding.severity])} data-finding={finding.rule}>
      <span className="mr-1 font-medium">{m.severity[finding.severity]}：</span>
      {finding.message}
      {finding.hint ? <span className="text-slate-600">（{finding.hint}）</span> : null}
      {finding.severity === "warning" ? (
        explanation && !open ? (
          <span className="ml-1 text-slate-600">
            · {m.explained}：{explanation}
            {!readOnly ? (
              <button
                type="button"
                className="ml-1 text-brand-700 underline-offset-2 hover:underline"
                onClick={() => setOpen(true)}
              >
                {m.explain}
              </button>
            ) : null}
          </span>
        ) : !readOnly && !open ? (
          <button
            type="button"
            className="ml-1 text-brand-700 underline underline-offset-2"
            onClick={() => setOpen(true)}
          >
            {m.explain}
          </button>
        ) : null
      ) : null}
      {open ? <ExplanationForm finding={finding} onDone={() => setOpen(false)} /> : null}
    </li>
  );
}
