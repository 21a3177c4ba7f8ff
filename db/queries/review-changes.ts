import { and, desc, eq } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import { diffDisclosures, type Change } from "@/lib/domain/diff";
import type { Disclosure } from "@/lib/domain/model";
import { disclosureState, isSubmittedOrBeyond } from "@/lib/workflow/states";
import type { Db } from "../client";
import { editableDisclosure, toCanonical, type EditableDisclosure } from "@/lib/domain/editable";
import { disclosures } from "../schema/disclosures";
import { publishedSnapshots } from "../schema/publishing";
import { disclosureSubmissions } from "../schema/review";
import { users } from "../schema/users";
import { getDisclosureMeta, loadContent, type DisclosureMeta } from "./disclosures";
import { readScope } from "./scope";

export type SubmissionRef = { id: string; version: number; submittedAt: Date; submittedByName: string };

/**
 * What changed since the last submission (lib/domain/spec/workflow.md): while the bureau has the disclosure, the
 * latest submission against the one before it (what the approver has not yet seen); while the
 * department has it back, what it has changed since it last submitted. Rows are followed by id,
 * so a moved indicator is a move plus its changed cells, never a deletion and an addition.
 */
export async function changesSinceLastSubmission(
  db: Db,
  actor: Actor,
  disclosureId: string,
): Promise<{ meta: DisclosureMeta; base: SubmissionRef | null; changes: Change[]; current: EditableDisclosure }> {
  const meta = await getDisclosureMeta(db, actor, disclosureId);
  const current = await loadContent(db, meta);
  const submissions = await db
    .select({
      id: disclosureSubmissions.id,
      version: disclosureSubmissions.version,
      submittedAt: disclosureSubmissions.submittedAt,
      submittedByName: users.displayName,
      content: disclosureSubmissions.content,
    })
    .from(disclosureSubmissions)
    .innerJoin(users, eq(users.id, disclosureSubmissions.submittedBy))
    .where(eq(disclosureSubmissions.disclosureId, disclosureId))
    .orderBy(desc(disclosureSubmissions.version))
    .limit(2);
  // Submitted or beyond: the current content is itself the latest submission.
  const base = isSubmittedOrBeyond(meta.state) ? submissions[1] : submissions[0];
  if (!base) return { meta, base: null, changes: [], current };
  const before = editableDisclosure.parse(base.content);
  const { content: _content, ...ref } = base;
  return { meta, base: ref, changes: diffDisclosures(before, current), current };
}

export type PriorYear = {
  id: string;
  fiscalYear: number;
  revision: number;
  state: DisclosureMeta["state"];
  content: Disclosure;
};

/**
 * The department's disclosure of the previous fiscal year, for the side-by-side comparison: its
 * published snapshot when there is one (what the public read), else its current content, within
 * the actor's scope either way.
 */
export async function priorYearDisclosure(
  db: Db,
  actor: Actor,
  meta: Pick<DisclosureMeta, "departmentId" | "fiscalYear">,
): Promise<PriorYear | null> {
  const [prior] = await db
    .select({
      id: disclosures.id,
      fiscalYear: disclosures.fiscalYear,
      revision: disclosures.revision,
      state: disclosures.state,
    })
    .from(disclosures)
    .where(
      and(
        eq(disclosures.departmentId, meta.departmentId),
        eq(disclosures.fiscalYear, meta.fiscalYear - 1),
        readScope(actor, disclosures.departmentId),
      ),
    )
    .orderBy(desc(disclosures.revision))
    .limit(1);
  if (!prior) return null;
  // The newest published revision, if any: a later draft revision is not what last year said.
  const [published] = await db
    .select({
      canonical: publishedSnapshots.canonical,
      revision: publishedSnapshots.revision,
      id: publishedSnapshots.disclosureId,
    })
    .from(publishedSnapshots)
    .innerJoin(disclosures, eq(disclosures.id, publishedSnapshots.disclosureId))
    .where(and(eq(disclosures.departmentId, meta.departmentId), eq(disclosures.fiscalYear, meta.fiscalYear - 1)))
    .orderBy(desc(publishedSnapshots.revision))
    .limit(1);
  if (published)
    return {
      id: published.id,
      fiscalYear: prior.fiscalYear,
      revision: published.revision,
      state: disclosureState.published,
      content: published.canonical,
    };
  const priorMeta = await getDisclosureMeta(db, actor, prior.id);
  return { ...prior, content: toCanonical(await loadContent(db, priorMeta)) };
}
