"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import {
  approveReportAction,
  publishReportAction,
  returnReportAction,
  startReportReviewAction,
} from "@/app/performance/actions";
import type { Outcome } from "@/app/_server/operation";
import { performanceCycleMessages as pm } from "@/lib/i18n/zh-CN/performance-cycle";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";

type Step = "startReview" | "approve" | "publish";
const actions = { startReview: startReportReviewAction, approve: approveReportAction, publish: publishReportAction };
const labels = { startReview: pm.review.startReview, approve: pm.review.approve, publish: pm.review.publish };

/**
 * The bureau's steps on a report: start the review, return it with a comment (at a row or on the
 * whole), approve it; the admin's publication of an approved 自评. The server decides again.
 */
export function ReportSteps({
  reportId,
  version,
  steps,
  canReturn,
  reasons,
  anchors,
}: {
  reportId: string;
  version: number;
  steps: Step[];
  canReturn: boolean;
  reasons: Array<{ code: string; label: string }>;
  anchors: Array<{ path: string; label: string }>;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<Outcome<unknown> | null>(null);
  const run = (call: () => Promise<Outcome<unknown>>) =>
    startTransition(async () => {
      const result = await call();
      setOutcome(result);
      if (result.ok) router.refresh();
    });
  const error = outcome && !outcome.ok ? (Object.values(outcome.fieldErrors)[0]?.[0] ?? outcome.formError) : null;
  if (steps.length === 0 && !canReturn) return null;
  return (
    <div className="space-y-3">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <div className="flex flex-wrap gap-2">
        {steps.map((step) => (
          <Button
            key={step}
            disabled={pending}
            variant={step === "startReview" ? "secondary" : "primary"}
            onClick={() => run(() => actions[step]({ id: reportId, expectedVersion: version }))}
          >
            {labels[step]}
          </Button>
        ))}
      </div>
      {canReturn ? (
        <form
          className="space-y-2 rounded-md border border-slate-200 p-3"
          aria-label={pm.review.return}
          onSubmit={(event) => {
            event.preventDefault();
            const form = new FormData(event.currentTarget);
            run(() =>
              returnReportAction({
                id: reportId,
                expectedVersion: version,
                reasonCode: String(form.get("reasonCode") ?? ""),
                comment: String(form.get("comment") ?? ""),
                anchorPath: String(form.get("anchorPath") ?? ""),
              }),
            );
          }}
        >
          <div className="grid gap-2 sm:grid-cols-2">
            <div>
              <Label htmlFor="return-reason">{pm.review.reason}</Label>
              <select
                id="return-reason"
                name="reasonCode"
                className="h-10 w-full rounded-md border border-slate-300 bg-white px-2 text-sm"
              >
                {reasons.map((r) => (
                  <option key={r.code} value={r.code}>
                    {r.label}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <Label htmlFor="return-anchor">{pm.report.indicator}</Label>
              <select
                id="return-anchor"
                name="anchorPath"
                className="h-10 w-full rounded-md border border-slate-300 bg-white px-2 text-sm"
              >
                {anchors.map((a) => (
                  <option key={a.path} value={a.path}>
                    {a.label}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <Label htmlFor="return-comment">{pm.review.comment}</Label>
          <textarea
            id="return-comment"
            name="comment"
            rows={3}
            aria-describedby="return-comment-help"
            className="block w-full rounded-md border border-slate-300 p-2 text-sm"
          />
          <p id="return-comment-help" className="text-xs text-slate-500">
            {pm.review.commentHelp}
          </p>
          <Button type="submit" variant="danger" disabled={pending}>
            {pm.review.return}
          </Button>
        </form>
      ) : null}
    </div>
  );
}
