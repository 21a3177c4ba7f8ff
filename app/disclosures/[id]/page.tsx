import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { loadDisclosure } from "@/db/queries/disclosures";
import { canEditDisclosure, canReview, canViewDisclosure, canWithdrawDisclosure } from "@/lib/auth/policy";
import { sections } from "@/lib/domain/model";
import { formatDate } from "@/lib/i18n/format";
import { zhCN } from "@/lib/i18n/zh-CN";
import { documentOutline } from "@/lib/render/document";
import { isPublished } from "@/lib/workflow/states";
import { findDisclosureFacts, loadPublishedCanonical } from "@/app/_server/directory";
import { authorize, getActor } from "@/app/_server/session";
import { AppShell } from "@/components/app-shell";
import { DocumentView } from "@/components/document-view";
import { DraftFiles } from "@/components/editor/draft-files";
import { StateBadge } from "@/components/state-badge";
import { ButtonLink } from "@/components/ui/button";
import { WithdrawForm } from "@/components/editor/withdraw-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: zhCN.disclosure.pageTitle };

type Props = { params: Promise<{ id: string }> };

/**
 * One disclosure, read-only, in its published layout. Published revisions are public; anything
 * else only for its department's clerks, its desk's approvers and admins (403 for other signed-in
 * users, sign-in for the anonymous).
 */
export default async function DisclosurePage({ params }: Props) {
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const db = getDb();
  const facts = await findDisclosureFacts(db, id);
  if (!facts) notFound();
  const actor = await getActor();
  if (!actor && !canViewDisclosure(null, facts))
    redirect(`/signin?callbackUrl=${encodeURIComponent(`/disclosures/${id}`)}`);
  authorize(canViewDisclosure(actor, facts));

  // A published revision shows exactly what was published; anything else the current rows.
  const content = isPublished(facts.state)
    ? await loadPublishedCanonical(db, id)
    : actor
      ? await loadDisclosure(db, actor, id)
      : null;
  if (!content) notFound();
  const outline = documentOutline(content);

  return (
    <AppShell user={actor} wide>
      <div className="mb-5 flex flex-wrap items-center gap-x-4 gap-y-2">
        <h1 className="text-xl font-semibold text-slate-900">{facts.departmentName}</h1>
        <span className="text-sm text-slate-600">
          {zhCN.common.yearSuffix(facts.fiscalYear)} · {zhCN.common.revisionN(facts.revision)}
        </span>
        <StateBadge state={facts.state} />
        {facts.publishedAt ? (
          <span className="text-sm text-slate-600">
            {zhCN.common.publishedAt}：{formatDate(facts.publishedAt)}
          </span>
        ) : null}
        {!isPublished(facts.state) ? (
          <div className="no-print ml-auto">
            <DraftFiles disclosureId={id} />
          </div>
        ) : null}
        {canEditDisclosure(actor, facts) ? (
          <ButtonLink
            href={`/disclosures/${id}/edit`}
            variant="primary"
            className={isPublished(facts.state) ? "no-print ml-auto" : "no-print"}
          >
            {zhCN.editor.continueEditing}
          </ButtonLink>
        ) : null}
      </div>
      {!isPublished(facts.state) ? (
        <p className="no-print mb-4 text-sm text-slate-600">
          {canEditDisclosure(actor, facts)
            ? zhCN.disclosure.previewNote
            : canReview(actor, facts)
              ? zhCN.disclosure.reviewNote
              : actor?.role === "clerk"
                ? zhCN.disclosure.heldNote
                : zhCN.disclosure.readOnlyNote}
          {canReview(actor, facts) ? (
            <a href={`/review/${id}`} className="ml-2 font-medium text-brand-700 hover:underline">
              {zhCN.disclosure.openReview}
            </a>
          ) : null}
        </p>
      ) : null}
      {/* Just submitted and not yet taken up: the clerk may still take it back. */}
      {canWithdrawDisclosure(actor, facts) ? <WithdrawForm disclosureId={id} version={facts.version} /> : null}
      <div className="grid gap-6 lg:grid-cols-[14rem_minmax(0,1fr)]">
        <nav aria-label={zhCN.disclosure.sectionsLabel} className="no-print lg:sticky lg:top-4 lg:self-start">
          <p className="mb-2 text-xs font-medium tracking-wide text-slate-500">{zhCN.disclosure.sectionsLabel}</p>
          <ol className="space-y-0.5 text-sm">
            {sections.map((s) => (
              <li key={s.id}>
                <a
                  href={`#section-${s.id}`}
                  className="block rounded px-2 py-1 text-slate-700 hover:bg-slate-100 hover:text-slate-900"
                >
                  {s.number}、{s.title}
                </a>
              </li>
            ))}
          </ol>
        </nav>
        <DocumentView outline={outline} />
      </div>
    </AppShell>
  );
}
