import { sql } from "drizzle-orm";
import { builtInFrameworks } from "../../lib/domain/frameworks";
import { TARGET_QUALITY_REASON } from "../../lib/rules/target-quality";
import type { Db } from "../client";
import { indicatorFrameworks, returnReasons } from "../schema/settings";
import { seedClassification } from "../queries/classification";
import { SHIPPED_CLASSIFICATION_YEARS, shippedClassification } from "./classification";
import { syncIndicatorLibrary } from "./indicator-library";

/** The reasons a return carries (lib/domain/spec/workflow.md); the admin may add or retire some later. */
export const defaultReturnReasons = [
  { code: "incomplete-indicators", label: "指标不完整" },
  { code: "inconsistent-data", label: "数据不一致" },
  { code: "unreasonable-target", label: "目标值不合理" },
  // Issue 16: projects whose targets grade 中 or 差; the return's note quotes them (lib/rules/target-quality.ts).
  // Fourth: on an installation that had the five, it shares 依据不充分's place and 其他 stays last.
  { code: TARGET_QUALITY_REASON, label: "绩效目标质量" },
  { code: "insufficient-basis", label: "依据不充分" },
  { code: "other", label: "其他" },
] as const;

/**
 * Idempotent. Built-in frameworks follow lib/domain/frameworks.ts (their single source); return
 * reasons are only added, so an admin's later edits survive.
 */
export async function syncReferenceData(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .insert(indicatorFrameworks)
      .values(builtInFrameworks.map((f) => ({ ...f, builtIn: true })))
      .onConflictDoUpdate({
        target: indicatorFrameworks.id,
        set: { name: sql`excluded.name`, source: sql`excluded.source`, levels: sql`excluded.levels`, builtIn: true },
      });
    await tx
      .insert(returnReasons)
      .values(defaultReturnReasons.map((r, position) => ({ ...r, position })))
      .onConflictDoNothing();
    // After the frameworks: library entries belong to one.
    await syncIndicatorLibrary(tx);
    // The shipped classification catalogues (db/seed/classification-<year>.tsv): added, never
    // overwritten, so an admin's import of the full year stands.
    for (const year of SHIPPED_CLASSIFICATION_YEARS) await seedClassification(tx, year, shippedClassification(year));
  });
}
