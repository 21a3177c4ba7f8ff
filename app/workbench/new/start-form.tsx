"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import type { DisclosureState } from "@/lib/workflow/states";
import { zhCN } from "@/lib/i18n/zh-CN";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Label } from "@/components/ui/label";
import { AcceptForm } from "./accept-form";
import { UploadForm } from "./upload-form";

const m = zhCN.imports.start;

export type StartChoice = {
  departmentId: string;
  fiscalYear: number;
  existing: { id: string; state: DisclosureState } | null;
  source: { fiscalYear: number; revision: number; state: DisclosureState } | null;
};

type Props = {
  departments: ReadonlyArray<{ id: string; code: string; name: string }>;
  years: ReadonlyArray<number>;
  choices: ReadonlyArray<StartChoice>;
  initial: { departmentId: string; fiscalYear: number };
};

const selectClass =
  "block h-10 w-full rounded-md border border-slate-300 bg-white px-3 text-sm text-slate-900 focus-visible:outline-2 focus-visible:outline-brand-600";

/**
 * Department and year first (the page knows, for each pair, whether it is already started and
 * what last year's source would be), then the three ways to start. The choice is kept in the
 * address so a reload, or 返回 from a preview, comes back to it.
 */
export function StartForm({ departments, years, choices, initial }: Props) {
  const router = useRouter();
  const id = useId();
  const [departmentId, setDepartmentId] = useState(initial.departmentId);
  const [fiscalYear, setFiscalYear] = useState(initial.fiscalYear);
  const choice = choices.find((c) => c.departmentId === departmentId && c.fiscalYear === fiscalYear);
  const select = (next: { departmentId: string; fiscalYear: number }) => {
    setDepartmentId(next.departmentId);
    setFiscalYear(next.fiscalYear);
    router.replace(`/workbench/new?department=${next.departmentId}&year=${next.fiscalYear}`, { scroll: false });
  };
  const query = `department=${departmentId}&year=${fiscalYear}`;

  return (
    <div className="space-y-6">
      <section aria-labelledby={`${id}-choose`}>
        <h2 id={`${id}-choose`} className="mb-3 text-base font-semibold text-slate-900">
          {m.chooseHeading}
        </h2>
        <div className="grid max-w-xl gap-4 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
          <div>
            <Label htmlFor={`${id}-department`}>{m.department}</Label>
            <select
              id={`${id}-department`}
              className={selectClass}
              value={departmentId}
              onChange={(e) => select({ departmentId: e.target.value, fiscalYear })}
            >
              {departments.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.code} {d.name}
                </option>
              ))}
            </select>
          </div>
          <div>
            <Label htmlFor={`${id}-year`}>{m.fiscalYear}</Label>
            <select
              id={`${id}-year`}
              className={selectClass}
              value={fiscalYear}
              onChange={(e) => select({ departmentId, fiscalYear: Number(e.target.value) })}
            >
              {years.map((y) => (
                <option key={y} value={y}>
                  {zhCN.common.yearSuffix(y)}
                </option>
              ))}
            </select>
          </div>
        </div>
      </section>

      <section aria-labelledby={`${id}-mode`}>
        <h2 id={`${id}-mode`} className="mb-3 text-base font-semibold text-slate-900">
          {m.modeHeading}
        </h2>
        {choice?.existing ? (
          <Alert tone="warning">
            {m.exists(fiscalYear, zhCN.states[choice.existing.state])}
            <Link href={`/disclosures/${choice.existing.id}`} className="ml-2 font-medium underline underline-offset-2">
              {m.openExisting}
            </Link>
          </Alert>
        ) : choice ? (
          <div className="grid gap-4 lg:grid-cols-3">
            <ModeCard
              title={m.lastYear.title}
              badge={choice.source ? m.lastYear.recommended : undefined}
              body={m.lastYear.body}
            >
              <p className="mb-3 text-sm text-slate-600">
                {choice.source
                  ? m.lastYear.source(
                      choice.source.fiscalYear,
                      choice.source.revision,
                      zhCN.states[choice.source.state],
                    )
                  : m.lastYear.noSource}
              </p>
              {choice.source ? (
                <Link href={`/workbench/new/last-year?${query}`} className={buttonClass("primary")}>
                  {m.lastYear.action}
                </Link>
              ) : null}
            </ModeCard>
            <ModeCard title={m.upload.title} body={m.upload.body}>
              <UploadForm key={query} departmentId={departmentId} fiscalYear={fiscalYear} />
            </ModeCard>
            <ModeCard title={m.empty.title} body={m.empty.body}>
              <AcceptForm
                key={query}
                input={{ mode: "empty", departmentId, fiscalYear }}
                label={m.empty.action}
                variant="secondary"
              />
            </ModeCard>
          </div>
        ) : null}
      </section>
    </div>
  );
}

function ModeCard({
  title,
  badge,
  body,
  children,
}: {
  title: string;
  badge?: string;
  body: string;
  children: React.ReactNode;
}) {
  return (
    <Card className="flex flex-col p-5">
      <h3 className="flex items-center gap-2 text-base font-semibold text-slate-900">
        {title}
        {badge ? <Badge tone="info">{badge}</Badge> : null}
      </h3>
      <p className="mt-2 mb-4 text-sm leading-6 text-slate-600">{body}</p>
      <div className="mt-auto">{children}</div>
    </Card>
  );
}
