import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { loadEditableDisclosure } from "@/db/queries/disclosures";
import { lastDecision, listThreads, listWarningExplanations } from "@/db/queries/review";
import { canReadDepartment } from "@/lib/auth/actor";
import {
  canAnswerComment,
  canEditDisclosure,
  canSubmitDisclosure,
  canViewDisclosure,
  canWithdrawDisclosure,
} from "@/lib/auth/policy";
import { findFramework } from "@/lib/domain/frameworks";
import { zhCN } from "@/lib/i18n/zh-CN";
import { isEditable, isPublished } from "@/lib/workflow/states";
import { findDisclosureFacts } from "@/app/_server/directory";
import { loadCheckOptions } from "@/db/queries/settings";
import { yearSpreadOnce } from "@/app/_server/target-spread";
import { classificationKinds } from "@/lib/domain/budget-tables";
import { authorize, getActor } from "@/app/_server/session";
import { AppShell } from "@/components/app-shell";
import { DisclosureEditor } from "@/components/editor/disclosure-editor";
import { ReviewThreads, type ThreadView } from "@/components/editor/review-threads";
import { DecisionBanner } from "@/components/editor/decision-banner";
import { WithdrawForm } from "@/components/editor/withdraw-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: zhCN.editor.pageTitle };

type Props = { params: Promise<{ id: string }> };

/**
 * The clerk's guided editor. A draft or returned disclosure opens for its department's clerks (and
 * an admin); in any other state those who may read it see it read-only, with the reason. Another
 * department's id is a 403 here and in every operation the editor calls — or, once published, a
 * redirect to its public page.
 */
export default async function EditDisclosurePage({ params }: Props) {
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const db = getDb();
  const facts = await findDisclosureFacts(db, id);
  if (!facts) notFound();
  const actor = await getActor();
  if (!actor) redirect(`/signin?callbackUrl=${encodeURIComponent(`/disclosures/${id}/edit`)}`);
  authorize(canViewDisclosure(actor, facts));
  // Published means public, but the editor shows a department's working rows, threads and
  // explanations: anyone outside the department reads the published page instead.
  if (!canReadDepartment(actor, facts.departmentId)) redirect(`/disclosures/${id}`);
  const editable = isEditable(facts.state);
  // In an editable state, only those who may change it open the editor; the others read the disclosure page.
  if (editable) authorize(canEditDisclosure(actor, facts));

  const [
    { meta, content },
    explanations,
    threads,
    { classification: catalogue, ...checkOptions },
    decision,
    targetSpread,
  ] = await Promise.all([
    loadEditableDisclosure(db, actor, id),
    listWarningExplanations(db, actor, id),
    listThreads(db, actor, id),
    loadCheckOptions(db, facts.fiscalYear, facts.departmentCode),
    lastDecision(db, actor, id),
    yearSpreadOnce(facts.fiscalYear, facts.departmentCode),
  ]);
  // The year's codes go to the browser as data: the tables' pickers and the live checks read them there.
  const classification = catalogue
    ? { entries: classificationKinds.flatMap((k) => [...catalogue.entries(k)]), sourceYear: catalogue.sourceYear }
    : null;
  const readOnlyReason = editable ? null : zhCN.editor.readOnly.notEditable(zhCN.states[facts.state]);
  const views: ThreadView[] = threads.map((t) => ({
    id: t.id,
    anchorPath: t.anchorPath,
    anchorRowId: t.anchorRowId,
    path: t.currentPath,
    label: t.label,
    rowGone: t.rowGone,
    author: t.authorName,
    body: t.body,
    at: t.createdAt.toISOString(),
    resolved: t.resolvedAt !== null,
    resolvedBy: t.resolvedByName,
    replies: t.replies.map((r) => ({ id: r.id, author: r.authorName, body: r.body, at: r.createdAt.toISOString() })),
  }));

  return (
    <AppShell user={actor} wide>
      <ReviewThreads threads={views} canAnswer={canAnswerComment(actor, facts)}>
        <DisclosureEditor
          disclosureId={id}
          departmentId={facts.departmentId}
          version={meta.version}
          content={content}
          readOnlyReason={readOnlyReason}
          canSubmit={canSubmitDisclosure(actor, facts)}
          draftFiles={!isPublished(facts.state)}
          checkOptions={checkOptions}
          framework={findFramework(content.performance.framework, checkOptions.frameworks ?? [])}
          explanations={explanations.map((e) => ({ ruleId: e.ruleId, path: e.path, explanation: e.explanation }))}
          initialSection="organisation"
          classification={classification}
          banner={
            <>
              <DecisionBanner decision={decision} />
              {canWithdrawDisclosure(actor, facts) ? <WithdrawForm disclosureId={id} version={meta.version} /> : null}
            </>
          }
          targetSpread={targetSpread}
        />
      </ReviewThreads>
    </AppShell>
  );
}
