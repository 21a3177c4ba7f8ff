"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState, useTransition } from "react";
import { useForm, type UseFormRegister } from "react-hook-form";
import { saveReportAction, submitReportAction } from "@/app/performance/actions";
import type { JudgementView, ReportContent } from "@/db/queries/performance-judge";
import { parseAmount } from "@/lib/domain/money";
import {
  achievementLikelihoods,
  deviationCauses,
  executionRate,
  qualitativeBands,
  type MonitoringReport,
  type SelfEvaluation,
} from "@/lib/domain/performance/shapes";
import { performanceCycleMessages as pm } from "@/lib/i18n/zh-CN/performance-cycle";
import type { Finding } from "@/lib/rules/finding";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { ReportTable, type Column } from "./report-table";

const r = pm.report;
const AUTOSAVE_MS = 1500;
const input = "h-9 w-full rounded border border-slate-300 bg-white px-2 text-sm disabled:bg-slate-50";

/** What the form holds differs from the content only where a form cannot hold it: amounts and an absent deviation. */
type FormValues = Record<string, unknown>;

/** The form's values as the content the server takes: amounts as two-place text, a blank deviation as none. */
function toContent(values: FormValues): ReportContent {
  const content = structuredClone(values) as unknown as {
    projects: Array<Record<string, unknown> & { indicators: Array<Record<string, unknown>> }>;
  };
  const amount = (v: unknown) => {
    const text = typeof v === "string" ? v.trim() : v == null ? "" : String(v);
    return text === "" ? null : (parseAmount(text) ?? text);
  };
  for (const project of content.projects) {
    for (const field of ["budget", "executed", "initialBudget"])
      if (field in project) project[field] = amount(project[field]);
    if (project.weights)
      project.weights = Object.fromEntries(
        Object.entries(project.weights as Record<string, unknown>).map(([k, v]) => [k, Number(v)]),
      );
    for (const row of project.indicators) {
      const d = row.deviation as { cause?: string; likelihood?: string; step?: string } | null | undefined;
      if ("deviation" in row) row.deviation = d && (d.cause || d.likelihood || d.step?.trim()) ? d : null;
      const q = row.qualitative as { band?: string; percent?: string } | null | undefined;
      if ("qualitative" in row) row.qualitative = q?.band ? q : null;
    }
  }
  return content as unknown as ReportContent;
}

/**
 * The department's 运行监控 or 自评: its published rows with what it reports beside each. Saved
 * as it is typed (autosave, at the version read), checked and, for a 自评, scored by the server:
 * the findings and each row's working come back with every save and show at the row.
 */
export function ReportEditor({
  reportId,
  kind,
  version: initialVersion,
  content,
  judgement: initialJudgement,
  editable,
  canSubmit,
}: {
  reportId: string;
  kind: "monitoring" | "self_evaluation";
  version: number;
  content: ReportContent;
  judgement: JudgementView;
  editable: boolean;
  canSubmit: boolean;
}) {
  const router = useRouter();
  const form = useForm<FormValues>({ defaultValues: content as unknown as FormValues });
  const version = useRef(initialVersion);
  const [judgement, setJudgement] = useState(initialJudgement);
  const [status, setStatus] = useState<"saved" | "unsaved" | "saving">("saved");
  const [error, setError] = useState<string | null>(null);
  const [submitting, startSubmit] = useTransition();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef<Promise<boolean> | null>(null);

  const save = useCallback(async (): Promise<boolean> => {
    if (timer.current) clearTimeout(timer.current);
    if (inFlight.current) await inFlight.current;
    const attempt = (async () => {
      setStatus("saving");
      const outcome = await saveReportAction({
        id: reportId,
        expectedVersion: version.current,
        content: toContent(form.getValues()),
      });
      if (!outcome.ok) {
        setStatus("unsaved");
        setError(Object.values(outcome.fieldErrors)[0]?.[0] ?? outcome.formError);
        return false;
      }
      version.current = outcome.data.version;
      setJudgement(outcome.data.judgement);
      setError(null);
      setStatus("saved");
      return true;
    })();
    inFlight.current = attempt;
    try {
      return await attempt;
    } finally {
      inFlight.current = null;
    }
  }, [form, reportId]);

  useEffect(() => {
    if (!editable) return;
    const subscription = form.watch(() => {
      setStatus("unsaved");
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void save(), AUTOSAVE_MS);
    });
    return () => subscription.unsubscribe();
  }, [editable, form, save]);

  // The editor's guard: leaving with unsaved edits asks first.
  useEffect(() => {
    if (status === "saved") return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = r.leaveWarning;
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [status]);

  const submit = () =>
    startSubmit(async () => {
      if (!(await save())) return;
      const outcome = await submitReportAction({ id: reportId, expectedVersion: version.current });
      if (!outcome.ok) setError(outcome.formError);
      else router.refresh();
    });

  const values = form.watch() as unknown as ReportContent;
  const findingsAt = (path: string) => judgement.findings.filter((f) => ownPath(f.path) === path);
  const reg = form.register;
  const disabled = !editable;
  const errors = judgement.findings.filter((f) => f.severity === "error").length;

  return (
    <div className="space-y-4">
      <div className="sticky top-0 z-10 flex flex-wrap items-center gap-3 rounded-md border border-slate-200 bg-white/95 px-4 py-2 text-sm shadow-sm">
        {editable ? (
          <span role="status" data-save-status={status} className="text-slate-600">
            {status === "saving" ? r.saving : status === "saved" ? r.saved : r.unsaved}
          </span>
        ) : (
          <span className="text-slate-600">{r.readOnly}</span>
        )}
        <span
          className={
            errors > 0 ? "text-red-700" : judgement.findings.length > 0 ? "text-amber-800" : "text-emerald-700"
          }
        >
          {judgement.findings.length > 0 ? r.findings(judgement.findings.length) : r.noFindings}
        </span>
        {kind === "self_evaluation" && judgement.score !== null ? (
          <span className="font-medium" data-testid="report-score">
            {r.total}：{judgement.score} · {r.grade}：{judgement.grade}
          </span>
        ) : null}
        {editable ? (
          <span className="ml-auto flex gap-2">
            <Button size="sm" variant="secondary" onClick={() => void save()} disabled={status === "saving"}>
              {r.save}
            </Button>
            {canSubmit ? (
              <Button size="sm" onClick={submit} disabled={submitting}>
                {r.submit}
              </Button>
            ) : null}
          </span>
        ) : null}
      </div>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {kind === "self_evaluation" ? <p className="text-xs text-slate-500">{r.scoreFromServer}</p> : null}
      {values.projects.map((project, p) => {
        const scored = judgement.projects[p];
        const rate = rateOf(project.budget, project.executed);
        const columns: Column[] =
          kind === "monitoring"
            ? monitoringColumns(p, (values as MonitoringReport).periodEndMonth, reg, disabled)
            : selfEvaluationColumns(p, values as SelfEvaluation, reg, disabled, scored);
        return (
          <Card key={project.projectKey} aria-labelledby={`project-${p}`}>
            <CardHeader
              id={`project-${p}`}
              title={project.name}
              description={
                kind === "self_evaluation" && scored
                  ? `${r.score}：${scored.total} · ${r.grade}：${scored.grade}`
                  : undefined
              }
            />
            <div className="grid gap-3 border-b border-slate-200 px-5 py-3 sm:grid-cols-4">
              {kind === "self_evaluation" ? (
                <Figure label={r.initialBudget}>
                  <span className="tabular">
                    {(project as SelfEvaluation["projects"][number]).initialBudget ?? r.none}
                  </span>
                </Figure>
              ) : null}
              <Figure label={r.budget}>
                <input
                  className={input}
                  inputMode="decimal"
                  disabled={disabled}
                  aria-label={`${project.name} ${r.budget}`}
                  {...reg(`projects.${p}.budget`)}
                />
              </Figure>
              <Figure label={r.executed}>
                <input
                  className={input}
                  inputMode="decimal"
                  disabled={disabled}
                  aria-label={`${project.name} ${r.executed}`}
                  {...reg(`projects.${p}.executed`)}
                />
              </Figure>
              <Figure label={r.executionRate}>
                <span className="tabular">
                  {rate ?? r.none}
                  {kind === "self_evaluation" && scored ? ` · ${scored.execution.arithmetic}` : ""}
                </span>
              </Figure>
            </div>
            <FindingList findings={findingsAt(`projects[${p}]`)} />
            <ReportTable
              caption={project.name}
              columns={columns}
              rows={project.indicators.map((row, i) => ({
                key: row.indicatorKey,
                label: `${row.level2} · ${row.name}`,
                target: row.target.raw,
                findings: findingsAt(`projects[${p}].indicators[${i}]`),
              }))}
            />
          </Card>
        );
      })}
    </div>
  );
}

/** A finding's row or project: `projects[1].indicators[2].forecast` is row 2 of project 1. */
function ownPath(path: string): string {
  return /^projects\[\d+\](\.indicators\[\d+\])?/.exec(path)?.[0] ?? "";
}

function rateOf(budget: unknown, executed: unknown): string | null {
  const b = parseAmount(String(budget ?? ""));
  const e = parseAmount(String(executed ?? ""));
  const rate = executionRate(b, e);
  return rate ? `${rate.toFixed(2)}%` : null;
}

function Figure({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="text-xs text-slate-600">
      {label}
      <div className="mt-1 text-sm text-slate-900">{children}</div>
    </div>
  );
}

export function FindingList({ findings }: { findings: Finding[] }) {
  if (findings.length === 0) return null;
  return (
    <ul className="space-y-0.5 px-5 py-2 text-xs">
      {findings.map((f) => (
        <li key={`${f.rule}/${f.path}`} className={f.severity === "error" ? "text-red-700" : "text-amber-800"}>
          {f.message}
        </li>
      ))}
    </ul>
  );
}

function monitoringColumns(
  p: number,
  month: number,
  reg: UseFormRegister<Record<string, unknown>>,
  disabled: boolean,
): Column[] {
  const at = (i: number, field: string) => `projects.${p}.indicators.${i}.${field}`;
  return [
    {
      header: r.actualToDate(month),
      cell: (i, label) => (
        <input
          className={input}
          disabled={disabled}
          aria-label={`${label} ${r.actualToDate(month)}`}
          {...reg(at(i, "actualToDate"))}
        />
      ),
    },
    {
      header: r.forecast,
      cell: (i, label) => (
        <input
          className={input}
          disabled={disabled}
          aria-label={`${label} ${r.forecast}`}
          {...reg(at(i, "forecast"))}
        />
      ),
    },
    {
      header: r.cause,
      cell: (i, label) => (
        <select
          className={input}
          disabled={disabled}
          aria-label={`${label} ${r.cause}`}
          {...reg(at(i, "deviation.cause"))}
        >
          <option value="" />
          {deviationCauses.map((c) => (
            <option key={c}>{c}</option>
          ))}
        </select>
      ),
    },
    {
      header: r.likelihood,
      cell: (i, label) => (
        <select
          className={input}
          disabled={disabled}
          aria-label={`${label} ${r.likelihood}`}
          {...reg(at(i, "deviation.likelihood"))}
        >
          <option value="" />
          {achievementLikelihoods.map((c) => (
            <option key={c}>{c}</option>
          ))}
        </select>
      ),
    },
    {
      header: r.step,
      cell: (i, label) => (
        <input
          className={input}
          disabled={disabled}
          aria-label={`${label} ${r.step}`}
          {...reg(at(i, "deviation.step"))}
        />
      ),
    },
  ];
}

function selfEvaluationColumns(
  p: number,
  values: SelfEvaluation,
  reg: UseFormRegister<Record<string, unknown>>,
  disabled: boolean,
  scored: JudgementView["projects"][number] | undefined,
): Column[] {
  const at = (i: number, field: string) => `projects.${p}.indicators.${i}.${field}`;
  const rows = values.projects[p].indicators;
  return [
    {
      header: r.applicable,
      cell: (i, label) => (
        <input
          type="checkbox"
          disabled={disabled}
          aria-label={`${label} ${r.applicable}`}
          {...reg(at(i, "applicable"))}
        />
      ),
    },
    {
      header: r.actual,
      cell: (i, label) => (
        <input className={input} disabled={disabled} aria-label={`${label} ${r.actual}`} {...reg(at(i, "actual"))} />
      ),
    },
    {
      header: `${r.band} / ${r.percent}`,
      cell: (i, label) =>
        rows[i].target.kind === "qualitative" ? (
          <span className="flex gap-1">
            <select
              className={input}
              disabled={disabled}
              aria-label={`${label} ${r.band}`}
              {...reg(at(i, "qualitative.band"))}
            >
              <option value="" />
              {qualitativeBands.map((b) => (
                <option key={b}>{b}</option>
              ))}
            </select>
            <input
              className={`${input} w-16`}
              disabled={disabled}
              aria-label={`${label} ${r.percent}`}
              {...reg(at(i, "qualitative.percent"))}
            />
          </span>
        ) : (
          <span className="text-slate-400">{r.none}</span>
        ),
    },
    {
      header: r.deviationReason,
      cell: (i, label) => (
        <input
          className={input}
          disabled={disabled}
          aria-label={`${label} ${r.deviationReason}`}
          {...reg(at(i, "deviationReason"))}
        />
      ),
    },
    {
      header: `${r.score}（${r.arithmetic}）`,
      cell: (i) => {
        const row = scored?.rows[i];
        return (
          <span className="text-xs" data-testid="row-score">
            {row?.score !== null && row?.score !== undefined ? <b className="tabular">{row.score}</b> : null}
            <span className="block text-slate-600">{row?.arithmetic ?? r.none}</span>
          </span>
        );
      },
    },
  ];
}
