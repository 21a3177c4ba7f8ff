import { randomUUID } from "node:crypto";
import { and, getTableColumns, inArray, sql, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import type { EditableDisclosure } from "@/lib/domain/editable";
import { disclosureSections, indicators, procurementItems, projectFunds } from "../schema/disclosures";
import { inSlices } from "./bulk";
import {
  sameRow,
  toIndicatorRow,
  toProcurementRow,
  toProjectRow,
  toSectionContents,
  type StoredContent,
} from "./disclosure-content";

export type RowChanges = { added: string[]; updated: string[]; removed: string[] };
export type ContentChanges = {
  sections: string[];
  projects: RowChanges;
  indicators: RowChanges;
  procurement: RowChanges;
};

type RowTable = typeof projectFunds | typeof indicators | typeof procurementItems;

export function hasChanges(c: ContentChanges): boolean {
  const rows = [c.projects, c.indicators, c.procurement];
  return c.sections.length > 0 || rows.some((r) => r.added.length + r.updated.length + r.removed.length > 0);
}

/**
 * Gives every incoming row its id. A row keeps the id it came with when that id is one of this
 * disclosure's rows or a fresh id the browser made; an id that belongs to another disclosure, or
 * repeats within the input (a copied row), gets a new uuid so two rows never share one.
 */
async function idAssigner(
  tx: Db,
  table: RowTable,
  ownIds: ReadonlySet<string>,
  incoming: ReadonlyArray<string | undefined>,
) {
  const foreign = [...new Set(incoming.filter((id): id is string => !!id && !ownIds.has(id)))];
  const taken = new Set<string>();
  await inSlices(foreign, 1, async (ids) => {
    for (const row of await tx.select({ id: table.id }).from(table).where(inArray(table.id, ids))) taken.add(row.id);
  });
  const used = new Set<string>();
  return (given: string | undefined): string => {
    const id = given && !used.has(given) && !taken.has(given) ? given : randomUUID();
    used.add(id);
    return id;
  };
}

function diffRows<T extends { id: string }>(desired: T[], current: T[]): { upserts: T[]; changes: RowChanges } {
  const before = new Map(current.map((r) => [r.id, r]));
  const changes: RowChanges = { added: [], updated: [], removed: [] };
  const upserts: T[] = [];
  for (const row of desired) {
    const old = before.get(row.id);
    if (old && sameRow(old, row)) continue;
    (old ? changes.updated : changes.added).push(row.id);
    upserts.push(row);
  }
  const kept = new Set(desired.map((r) => r.id));
  changes.removed = current.filter((r) => !kept.has(r.id)).map((r) => r.id);
  return { upserts, changes };
}

/**
 * insert … on conflict (id) do update, in slices (./bulk.ts: a disclosure's thousands of indicator
 * rows are past what one statement may carry); `owned` keeps the update from ever touching another
 * disclosure's row.
 */
async function upsertRows(tx: Db, table: RowTable, rows: object[], owned: SQL): Promise<void> {
  const columns = Object.entries(getTableColumns(table));
  const set = Object.fromEntries(
    columns.filter(([key]) => key !== "id").map(([key, column]) => [key, sql`excluded.${sql.identifier(column.name)}`]),
  );
  await inSlices(rows, columns.length, (slice) =>
    tx
      .insert(table)
      .values(slice as never)
      .onConflictDoUpdate({ target: table.id, set, setWhere: owned }),
  );
}

async function deleteRows(tx: Db, table: RowTable, ids: string[], owned: SQL): Promise<void> {
  await inSlices(ids, 1, (slice) => tx.delete(table).where(and(inArray(table.id, slice), owned)));
}

/**
 * Makes the stored content of a disclosure equal `desired`, writing only what differs, inside the
 * caller's transaction. Returns the content with every row's id as stored, and what changed.
 */
export async function writeContent(
  tx: Db,
  disclosureId: string,
  actorId: string | null,
  desired: EditableDisclosure,
  current: StoredContent,
): Promise<{ content: EditableDisclosure; changes: ContentChanges }> {
  const ownIds = (rows: { id: string }[]) => new Set(rows.map((r) => r.id));
  const projectId = await idAssigner(
    tx,
    projectFunds,
    ownIds(current.projects),
    desired.performance.projects.map((p) => p.id),
  );
  const indicatorId = await idAssigner(
    tx,
    indicators,
    ownIds(current.indicators),
    desired.performance.projects.flatMap((p) => p.indicators.map((i) => i.id)),
  );
  const procurementId = await idAssigner(
    tx,
    procurementItems,
    ownIds(current.procurement),
    desired.procurement.items.map((i) => i.id),
  );

  const projects = desired.performance.projects.map((p) => ({
    ...p,
    id: projectId(p.id),
    indicators: p.indicators.map((i) => ({ ...i, id: indicatorId(i.id) })),
  }));
  const items = desired.procurement.items.map((i) => ({ ...i, id: procurementId(i.id) }));
  const content: EditableDisclosure = {
    ...desired,
    performance: { ...desired.performance, projects },
    procurement: { ...desired.procurement, items },
  };

  const projectDiff = diffRows(
    projects.map((p, position) => toProjectRow(p, p.id, disclosureId, position)),
    current.projects,
  );
  const indicatorDiff = diffRows(
    projects.flatMap((p) => p.indicators.map((i, position) => toIndicatorRow(i, i.id, p.id, position))),
    current.indicators,
  );
  const procurementDiff = diffRows(
    items.map((i, position) => toProcurementRow(i, i.id, disclosureId, position)),
    current.procurement,
  );

  const ownProjects = sql`${projectFunds.disclosureId} = ${disclosureId}`;
  const ownIndicators = sql`${indicators.projectId} in (select ${projectFunds.id} from ${projectFunds} where ${projectFunds.disclosureId} = ${disclosureId})`;
  const ownProcurement = sql`${procurementItems.disclosureId} = ${disclosureId}`;

  // Parents first and old parents last: an indicator may move to another project in the same save.
  await upsertRows(tx, projectFunds, projectDiff.upserts, ownProjects);
  await upsertRows(tx, indicators, indicatorDiff.upserts, ownIndicators);
  await deleteRows(tx, indicators, indicatorDiff.changes.removed, ownIndicators);
  await deleteRows(tx, projectFunds, projectDiff.changes.removed, ownProjects);
  await upsertRows(tx, procurementItems, procurementDiff.upserts, ownProcurement);
  await deleteRows(tx, procurementItems, procurementDiff.changes.removed, ownProcurement);

  const changedSections = toSectionContents(content).filter((s) => {
    const stored = current.sections.get(s.sectionId);
    return !stored || !sameRow(stored, s.content);
  });
  if (changedSections.length > 0) {
    const now = new Date();
    await tx
      .insert(disclosureSections)
      .values(
        changedSections.map((s) => ({
          disclosureId,
          sectionId: s.sectionId,
          content: s.content,
          updatedAt: now,
          updatedBy: actorId,
        })),
      )
      .onConflictDoUpdate({
        target: [disclosureSections.disclosureId, disclosureSections.sectionId],
        set: {
          content: sql`excluded.content`,
          updatedAt: sql`excluded.updated_at`,
          updatedBy: sql`excluded.updated_by`,
        },
      });
  }

  return {
    content,
    changes: {
      sections: changedSections.map((s) => s.sectionId),
      projects: projectDiff.changes,
      indicators: indicatorDiff.changes,
      procurement: procurementDiff.changes,
    },
  };
}
