import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { classificationCodesInUse, currentClassification } from "@/db/queries/classification";
import { getFiscalYear } from "@/db/queries/settings";
import { canAdminister } from "@/lib/auth/policy";
import { codesToKeep } from "@/lib/domain/classification";
import { NotFoundError } from "@/lib/errors";
import { adminMessages } from "@/lib/i18n/zh-CN/admin";
import { authorize, requireActor } from "@/app/_server/session";
import { AppShell, PageHeader } from "@/components/app-shell";
import { AdminNav } from "@/components/admin/admin-nav";
import { CatalogueOrigin } from "@/components/admin/catalogue-origin";
import { ClassificationTable } from "@/components/admin/classification-table";
import { ClassificationImport } from "@/components/admin/import-previews";
import { Card, CardBody, CardHeader } from "@/components/ui/card";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: adminMessages.classification.link };

const m = adminMessages.classification;

/**
 * A fiscal year's 《政府收支分类科目》: the catalogue as it stands (its own, a copy of an earlier
 * year's, or the one it would copy), searchable, each code the year's disclosures use marked; and
 * the import that replaces it from a sheet, previewed with every row's problem before it is taken.
 */
export default async function ClassificationPage({ params }: { params: Promise<{ year: string }> }) {
  const { year: yearParam } = await params;
  const actor = await requireActor(`/admin/fiscal-years/${encodeURIComponent(yearParam)}/classification`);
  authorize(canAdminister(actor));
  if (!/^\d{4}$/.test(yearParam)) notFound();
  const year = Number(yearParam);
  const db = getDb();
  await getFiscalYear(db, year).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const { state, entries } = await currentClassification(db, year);
  const kept = new Set(
    codesToKeep(entries, await classificationCodesInUse(db, year)).map((u) => `${u.kind}:${u.code}`),
  );
  const rows = entries.map((e) => ({ ...e, inUse: kept.has(`${e.kind}:${e.code}`) }));
  return (
    <AppShell user={actor}>
      <AdminNav current="/admin/fiscal-years" />
      <PageHeader
        title={m.title(year)}
        description={m.intro}
        actions={
          <Link href="/admin/fiscal-years" className="text-sm text-brand-700 underline-offset-2 hover:underline">
            {m.back}
          </Link>
        }
      />
      <div className="space-y-6">
        <Card aria-labelledby="catalogue-import">
          <CardHeader id="catalogue-import" title={m.import} description={m.importNote} />
          <CardBody>
            <ClassificationImport year={year} />
          </CardBody>
        </Card>
        <Card aria-labelledby="catalogue-current">
          <CardHeader
            id="catalogue-current"
            title={m.current}
            description={
              <>
                <CatalogueOrigin state={state} />
                {kept.size > 0 ? <span className="ml-2 text-sm text-slate-600">{m.inUse(kept.size)}</span> : null}
              </>
            }
          />
          {rows.length > 0 ? <ClassificationTable year={year} rows={rows} /> : null}
        </Card>
      </div>
    </AppShell>
  );
}
