import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { loadUpload } from "@/db/queries/imports";
import { canUseWorkbench } from "@/lib/auth/policy";
import { draftFromReading, readingNotes } from "@/lib/import/upload/draft";
import { readUpload } from "@/lib/import/upload/read-upload";
import { formatDateTime } from "@/lib/i18n/format";
import { zhCN } from "@/lib/i18n/zh-CN";
import { checkDisclosure, findingsAt } from "@/lib/rules/engine";
import { loadCheckOptions } from "@/db/queries/settings";
import { authorize, requireActor } from "@/app/_server/session";
import { AppShell, PageHeader } from "@/components/app-shell";
import { ReadingPreview } from "@/components/import/reading-preview";
import { AcceptBar, StartRefusal } from "../../preview-frame";
import { resolveTarget } from "../../start-context";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: zhCN.imports.preview.uploadTitle };

type Props = { params: Promise<{ id: string }> };

/**
 * What was read from an uploaded file, read again from the stored bytes on every load (so a
 * reload shows the same), with the accept that creates the draft. Only the uploader sees it.
 * The reading runs in the bounded parse worker (lib/import/parse/bounded-parse.ts), never on the
 * server's event loop, so reloading the preview of a large file cannot stall other requests.
 */
export default async function UploadPreviewPage({ params }: Props) {
  const { id } = await params;
  const actor = await requireActor(`/workbench/new/upload/${id}`);
  authorize(canUseWorkbench(actor));
  if (!z.uuid().safeParse(id).success) notFound();
  const db = getDb();
  const m = zhCN.imports.preview;

  let page: React.ReactNode;
  let backHref = "/workbench/new";
  try {
    const upload = await loadUpload(db, actor, id);
    backHref = `/workbench/new?department=${upload.departmentId}&year=${upload.fiscalYear}`;
    const target = await resolveTarget(db, actor, upload.departmentId, upload.fiscalYear);
    // A file that cannot be read is refused (UploadRefused, a UserError) and shown as StartRefusal.
    const reading = await readUpload(upload.bytes, upload.fileName);
    const options = await loadCheckOptions(db);
    // A sheet fills the project tables only: the other sections' findings would be noise here.
    const findings =
      reading.kind === "disclosure"
        ? checkDisclosure(reading.disclosure, options)
        : findingsAt(checkDisclosure(draftFromReading(reading, target), options), "performance.projects");
    const content =
      reading.kind === "disclosure"
        ? ({ kind: "disclosure", disclosure: reading.disclosure } as const)
        : ({ kind: "indicators", sheets: reading.sheets, draft: draftFromReading(reading, target) } as const);
    const facts: Array<[string, string]> = [
      [m.file, upload.fileName],
      [m.size, `${(upload.size / 1024).toFixed(upload.size < 10240 ? 1 : 0)} KB`],
      [m.format, m.formats[reading.format]],
      ...(reading.encoding
        ? [[m.encoding, m.encodings[reading.encoding] ?? reading.encoding] as [string, string]]
        : []),
      [m.expires, formatDateTime(upload.expiresAt)],
    ];
    page = (
      <>
        <dl className="mb-5 flex flex-wrap gap-x-6 gap-y-1 text-sm" data-testid="upload-facts">
          {facts.map(([label, value]) => (
            <div key={label} className="flex gap-1.5">
              <dt className="text-slate-500">{label}</dt>
              <dd className="text-slate-900">{value}</dd>
            </div>
          ))}
        </dl>
        <ReadingPreview
          content={content}
          notes={readingNotes(reading, target)}
          problems={reading.problems}
          findings={findings}
        />
        <AcceptBar
          target={m.targetValue(target.department.name, target.fiscalYear)}
          backHref={backHref}
          input={{ mode: "upload", uploadId: id }}
        />
      </>
    );
  } catch (error) {
    page = <StartRefusal error={error} backHref={backHref} />;
  }

  return (
    <AppShell user={actor}>
      <PageHeader title={m.uploadTitle} description={m.intro} />
      {page}
    </AppShell>
  );
}
