import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { listDepartmentsForActor } from "@/db/queries/departments";
import { listDisclosuresForActor } from "@/db/queries/disclosures";
import { listFiscalYears } from "@/db/queries/settings";
import { canDraftDepartment } from "@/lib/auth/actor";
import { canUseWorkbench } from "@/lib/auth/policy";
import { zhCN } from "@/lib/i18n/zh-CN";
import { authorize, requireActor } from "@/app/_server/session";
import { AppShell, PageHeader } from "@/components/app-shell";
import { Alert } from "@/components/ui/alert";
import { pickLastYearSource } from "./start-context";
import { StartForm, type StartChoice } from "./start-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: zhCN.imports.start.title };

type Props = { searchParams: Promise<{ department?: string; year?: string }> };

/** 新建年度填报: pick the department and open year, then start empty, from last year, or from a file. */
export default async function StartYearPage({ searchParams }: Props) {
  const actor = await requireActor("/workbench/new");
  authorize(canUseWorkbench(actor));
  const db = getDb();
  const [departments, years, rows] = await Promise.all([
    listDepartmentsForActor(db, actor),
    listFiscalYears(db),
    listDisclosuresForActor(db, actor),
  ]);
  const own = departments.filter((d) => canDraftDepartment(actor, d.id));
  const openYears = years.filter((y) => y.status === "open").map((y) => y.year);

  const choices: StartChoice[] = own.flatMap((d) =>
    openYears.map((fiscalYear) => {
      const mine = rows.filter((r) => r.departmentId === d.id);
      const existing = mine.find((r) => r.fiscalYear === fiscalYear);
      const source = pickLastYearSource(mine, fiscalYear);
      return {
        departmentId: d.id,
        fiscalYear,
        existing: existing ? { id: existing.id, state: existing.state } : null,
        source: source ? { fiscalYear: source.fiscalYear, revision: source.revision, state: source.state } : null,
      };
    }),
  );
  const asked = await searchParams;
  const askedChoice = choices.find((c) => c.departmentId === asked.department && String(c.fiscalYear) === asked.year);
  // Otherwise the earliest open year the first department has not started: usually the one due.
  const initial =
    askedChoice ?? [...choices].sort((a, b) => a.fiscalYear - b.fiscalYear).find((c) => !c.existing) ?? choices[0];

  return (
    <AppShell user={actor}>
      <PageHeader title={zhCN.imports.start.title} description={zhCN.imports.start.intro} />
      {own.length === 0 ? (
        <Alert tone="warning">{zhCN.workbench.noDepartments}</Alert>
      ) : openYears.length === 0 || !initial ? (
        <Alert tone="warning">{zhCN.imports.start.noOpenYears}</Alert>
      ) : (
        <StartForm
          departments={own.map((d) => ({ id: d.id, code: d.code, name: d.name }))}
          years={[...openYears].sort((a, b) => b - a)}
          choices={choices}
          initial={{ departmentId: initial.departmentId, fiscalYear: initial.fiscalYear }}
        />
      )}
    </AppShell>
  );
}
