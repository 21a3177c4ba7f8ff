import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import { canAdminister } from "@/lib/auth/policy";
import type { PortalPage } from "@/lib/render/portal-page";
import type { Disclosure } from "@/lib/domain/model";
import { isApproved } from "@/lib/workflow/states";
import { bundleFormats, type BundleFile, type BundleFormat } from "@/lib/export/bundle";
import type { Db } from "../client";
import { ForbiddenError } from "@/lib/errors";
import { disclosures } from "../schema/disclosures";
import { departments } from "../schema/organisation";
import { publishedFiles, publishedSnapshots } from "../schema/publishing";
import { recordMessages as records } from "@/lib/i18n/zh-CN/records";

/**
 * What the public portal and the exports read. Published revisions are public: these reads take
 * no actor and can only ever see published snapshots (they start from published_snapshots). The
 * department's name and the title are the snapshot's own, as published, not today's master data.
 */

const frozen = {
  title: sql<string>`${publishedSnapshots.canonical}->>'title'`,
  departmentName: sql<string>`${publishedSnapshots.canonical}->'department'->>'name'`,
};

const listingColumns = {
  disclosureId: disclosures.id,
  snapshotId: publishedSnapshots.id,
  departmentId: disclosures.departmentId,
  /** The published row's state and version, which opening a correction is judged on and must name. */
  state: disclosures.state,
  version: disclosures.version,
  fiscalYear: disclosures.fiscalYear,
  revision: publishedSnapshots.revision,
  departmentCode: departments.code,
  departmentName: frozen.departmentName,
  title: frozen.title,
  note: publishedSnapshots.note,
  publishedAt: publishedSnapshots.publishedAt,
  /** How many revisions of this department's year have been published (a correction makes 2). */
  publishedRevisions: sql<number>`(count(*) over (partition by ${disclosures.departmentId}, ${disclosures.fiscalYear}))::int`,
};

export type PublicListing = Awaited<ReturnType<typeof listPublicDisclosures>>[number];

/** The longest search the portal takes: a department's name or a few words of a title. */
export const PORTAL_QUERY_MAX = 50;

/**
 * The portal's list: each department's latest published revision per year, newest year first, by
 * code. `q` keeps those whose latest revision's department name (as published), code or title
 * contains it, letters in any case; it is matched after the latest revision is chosen, so an older
 * title never brings back an older revision.
 */
export async function listPublicDisclosures(db: Db, filter: { fiscalYear?: number; q?: string } = {}) {
  const rows = await db
    .selectDistinctOn([disclosures.departmentId, disclosures.fiscalYear], listingColumns)
    .from(publishedSnapshots)
    .innerJoin(disclosures, eq(disclosures.id, publishedSnapshots.disclosureId))
    .innerJoin(departments, eq(departments.id, disclosures.departmentId))
    .where(filter.fiscalYear === undefined ? undefined : eq(disclosures.fiscalYear, filter.fiscalYear))
    .orderBy(disclosures.departmentId, disclosures.fiscalYear, desc(publishedSnapshots.revision));
  const q = filter.q?.trim().slice(0, PORTAL_QUERY_MAX).toLowerCase();
  const latest = q
    ? rows.filter((r) => [r.departmentName, r.departmentCode, r.title].some((t) => t?.toLowerCase().includes(q)))
    : rows;
  return latest.sort(
    (a, b) => b.fiscalYear - a.fiscalYear || a.departmentCode.localeCompare(b.departmentCode, "en", { numeric: true }),
  );
}

export type PublicFileInfo = { format: string; fileName: string; contentType: string; sha256: string; size: number };
export type RevisionEntry = { revision: number; note: string; publishedAt: Date; snapshotId: string };

export type PublicRevision = {
  snapshotId: string;
  fiscalYear: number;
  departmentCode: string;
  revision: number;
  latestRevision: number;
  publishedAt: Date;
  note: string;
  sha256: string;
  canonical: Disclosure;
  /** Its portal page as rendered when it was published; null for a revision published before that was stored. */
  portalPage: PortalPage | null;
  /** Every published revision of the department's year, first to last: the errata. */
  history: RevisionEntry[];
  files: PublicFileInfo[];
};

/** Orders files as the portal lists them (PDF first), whatever order they were stored in. */
const formatRank = (format: string) => {
  const i = bundleFormats.indexOf(format as BundleFormat);
  return i < 0 ? bundleFormats.length : i;
};

/** One published revision (the latest when none is named) with its history and files, or null. */
export async function findPublicRevision(
  db: Db,
  where: { fiscalYear: number; departmentCode: string; revision?: number },
): Promise<PublicRevision | null> {
  const history = await db
    .select({
      snapshotId: publishedSnapshots.id,
      revision: publishedSnapshots.revision,
      note: publishedSnapshots.note,
      publishedAt: publishedSnapshots.publishedAt,
    })
    .from(publishedSnapshots)
    .innerJoin(disclosures, eq(disclosures.id, publishedSnapshots.disclosureId))
    .innerJoin(departments, eq(departments.id, disclosures.departmentId))
    .where(and(eq(disclosures.fiscalYear, where.fiscalYear), eq(departments.code, where.departmentCode)))
    .orderBy(asc(publishedSnapshots.revision));
  if (history.length === 0) return null;
  const chosen =
    where.revision === undefined ? history[history.length - 1] : history.find((h) => h.revision === where.revision);
  if (!chosen) return null;
  const [snapshot] = await db
    .select({
      canonical: publishedSnapshots.canonical,
      sha256: publishedSnapshots.sha256,
      portalPage: publishedSnapshots.portalPage,
    })
    .from(publishedSnapshots)
    .where(eq(publishedSnapshots.id, chosen.snapshotId));
  const files = await db
    .select({
      format: publishedFiles.format,
      fileName: publishedFiles.fileName,
      contentType: publishedFiles.contentType,
      sha256: publishedFiles.sha256,
      size: publishedFiles.size,
    })
    .from(publishedFiles)
    .where(eq(publishedFiles.snapshotId, chosen.snapshotId));
  return {
    snapshotId: chosen.snapshotId,
    fiscalYear: where.fiscalYear,
    departmentCode: where.departmentCode,
    revision: chosen.revision,
    latestRevision: history[history.length - 1].revision,
    publishedAt: chosen.publishedAt,
    note: chosen.note,
    sha256: snapshot.sha256,
    canonical: snapshot.canonical,
    portalPage: snapshot.portalPage,
    history,
    files: files.sort((a, b) => formatRank(a.format) - formatRank(b.format)),
  };
}

/** A published file's stored bytes by its public address, or null. Never rendered again. */
export async function readPublicFile(
  db: Db,
  where: { fiscalYear: number; departmentCode: string; revision: number; fileName: string },
) {
  const [file] = await db
    .select({
      format: publishedFiles.format,
      fileName: publishedFiles.fileName,
      contentType: publishedFiles.contentType,
      bytes: publishedFiles.bytes,
      sha256: publishedFiles.sha256,
      size: publishedFiles.size,
      title: frozen.title,
      publishedAt: publishedSnapshots.publishedAt,
    })
    .from(publishedFiles)
    .innerJoin(publishedSnapshots, eq(publishedSnapshots.id, publishedFiles.snapshotId))
    .innerJoin(disclosures, eq(disclosures.id, publishedSnapshots.disclosureId))
    .innerJoin(departments, eq(departments.id, disclosures.departmentId))
    .where(
      and(
        eq(disclosures.fiscalYear, where.fiscalYear),
        eq(departments.code, where.departmentCode),
        eq(publishedSnapshots.revision, where.revision),
        eq(publishedFiles.fileName, where.fileName),
      ),
    );
  return file ?? null;
}

/** The years that have anything published, newest first: the portal's year filter. */
export async function publishedYears(db: Db): Promise<number[]> {
  const rows = await db
    .selectDistinct({ year: disclosures.fiscalYear })
    .from(publishedSnapshots)
    .innerJoin(disclosures, eq(disclosures.id, publishedSnapshots.disclosureId))
    .orderBy(desc(disclosures.fiscalYear));
  return rows.map((r) => r.year);
}

/** One snapshot as a year's export needs it: the canonical JSON and its stored files, bytes included. */
export async function loadSnapshotForExport(
  db: Db,
  snapshotId: string,
): Promise<{ canonical: Disclosure; revision: number; stored: BundleFile[] }> {
  const [snapshot] = await db
    .select({ canonical: publishedSnapshots.canonical, revision: publishedSnapshots.revision })
    .from(publishedSnapshots)
    .where(eq(publishedSnapshots.id, snapshotId));
  const files = await db
    .select({
      format: publishedFiles.format,
      fileName: publishedFiles.fileName,
      contentType: publishedFiles.contentType,
      bytes: publishedFiles.bytes,
    })
    .from(publishedFiles)
    .where(and(eq(publishedFiles.snapshotId, snapshotId), inArray(publishedFiles.format, [...bundleFormats])));
  return { ...snapshot, stored: files.map((f) => ({ ...f, format: f.format as BundleFormat })) };
}

export type BoardRow = {
  disclosureId: string;
  departmentId: string;
  departmentCode: string;
  departmentName: string;
  fiscalYear: number;
  revision: number;
  state: (typeof disclosures.$inferSelect)["state"];
  version: number;
  approvedAt: Date | null;
  publishedAt: Date | null;
  revisionNote: string;
};

/**
 * The admin's publication board: every department-year's newest revision that is approved (ready
 * to publish) or published (can be corrected), with a draft correction shown as under way.
 * Admins only.
 */
export async function publicationBoard(db: Db, actor: Actor, filter: { fiscalYear?: number } = {}) {
  if (!canAdminister(actor)) throw new ForbiddenError(records.actions.viewPublications);
  const rows: BoardRow[] = await db
    .selectDistinctOn([disclosures.departmentId, disclosures.fiscalYear], {
      disclosureId: disclosures.id,
      departmentId: disclosures.departmentId,
      departmentCode: departments.code,
      departmentName: departments.name,
      fiscalYear: disclosures.fiscalYear,
      revision: disclosures.revision,
      state: disclosures.state,
      version: disclosures.version,
      approvedAt: disclosures.approvedAt,
      publishedAt: disclosures.publishedAt,
      revisionNote: disclosures.revisionNote,
    })
    .from(disclosures)
    .innerJoin(departments, eq(departments.id, disclosures.departmentId))
    .where(filter.fiscalYear === undefined ? undefined : eq(disclosures.fiscalYear, filter.fiscalYear))
    .orderBy(disclosures.departmentId, disclosures.fiscalYear, desc(disclosures.revision));
  const sorted = rows.sort(
    (a, b) => b.fiscalYear - a.fiscalYear || a.departmentCode.localeCompare(b.departmentCode, "en", { numeric: true }),
  );
  const published = await listPublicDisclosures(db, filter);
  return {
    ready: sorted.filter((r) => isApproved(r.state)),
    // A year whose newest revision is a correction in progress still shows its published one.
    published: published.map((p) => ({
      ...p,
      newest: sorted.find((r) => r.departmentCode === p.departmentCode && r.fiscalYear === p.fiscalYear)!,
    })),
  };
}

/**
 * A year's published disclosures (each department's latest revision) one at a time, canonical JSON
 * and stored files together, for the year's zip: only one snapshot's bytes are held at once.
 */
export async function publishedYearSource(
  db: Db,
  fiscalYear: number,
): Promise<{
  total: number;
  items: AsyncGenerator<{ disclosure: Disclosure; revision: number; stored: BundleFile[] }>;
}> {
  const listing = await listPublicDisclosures(db, { fiscalYear });
  async function* items() {
    for (const entry of listing) {
      const snapshot = await loadSnapshotForExport(db, entry.snapshotId);
      yield { disclosure: snapshot.canonical, revision: snapshot.revision, stored: snapshot.stored };
    }
  }
  return { total: listing.length, items: items() };
}
