import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { renderBundle } from "@/lib/export/bundle";
import { PdfPrinter } from "@/lib/export/pdf";
import { StateError } from "@/lib/errors";
import type { Disclosure } from "@/lib/domain/model";
import { renderPortalPage } from "@/lib/render/portal-page";
import { auditLog } from "../schema/audit";
import { publishedSnapshots } from "../schema/publishing";
import { cleanContent, disclosureIn } from "../test-workflow";
import { createTestDb, type TestDb } from "../test-db";
import { buildTestOrg, type TestOrg } from "../test-org";
import { loadEditableDisclosure } from "./disclosures";
import { saveDisclosureContent } from "./disclosure-save";
import { findPublicRevision, listPublicDisclosures, publishedYearSource, readPublicFile } from "./portal";
import { openRevision, publishSnapshot, verifySnapshot } from "./publishing";
import { transitionDisclosure } from "./workflow";

/**
 * Publication on a real database with real renders (Chromium for the PDF): a published revision's
 * files never change, whatever happens to the draft after it; a correction is revision 2 with its
 * note, and both stay downloadable.
 */

let t: TestDb;
let world: TestOrg;
const printer = new PdfPrinter();
const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

beforeAll(async () => {
  t = await createTestDb();
  world = await buildTestOrg(t.db);
});
afterAll(async () => {
  await printer.close();
  await t?.close();
});

describe("publish, correct, publish again", () => {
  it("keeps revision 1's files byte for byte after the draft is edited, re-approved and republished as revision 2", async () => {
    const cast = { clerk: world.actors.clerk, approver: world.actors.approver, admin: world.actors.admin };
    const approved = await disclosureIn(t.db, cast, world.departments.office, "approved", 2021, cleanContent(2021));
    const files = (canonical: Parameters<typeof renderBundle>[0]) => renderBundle(canonical, { printer, revision: 1 });
    const first = await publishSnapshot(t.db, cast.admin, approved.id, { expectedVersion: approved.version, files });

    const r1 = (await findPublicRevision(t.db, { fiscalYear: 2021, departmentCode: "434" }))!;
    expect(r1.revision).toBe(1);
    expect(r1.files.map((f) => f.format)).toEqual([
      "pdf",
      "docx",
      "xlsx",
      "json",
      "csv-indicators",
      "csv-procurement",
      "csv-tables",
      "datapackage",
    ]);
    const before = new Map<string, Uint8Array>();
    for (const f of r1.files)
      before.set(
        f.fileName,
        (await readPublicFile(t.db, { fiscalYear: 2021, departmentCode: "434", revision: 1, fileName: f.fileName }))!
          .bytes,
      );

    // A correction: the admin opens a new draft revision, the clerk changes a figure, review, publish with a note.
    await expect(
      openRevision(t.db, cast.admin, approved.id, { expectedVersion: first.version - 1, note: "x" }),
    ).rejects.toThrow(/已被他人修改/);
    await expect(
      openRevision(t.db, cast.clerk, approved.id, { expectedVersion: first.version, note: "x" }),
    ).rejects.toThrow(/没有权限/);
    const draft = await openRevision(t.db, cast.admin, approved.id, {
      expectedVersion: first.version,
      note: "更正公务接待费",
    });
    expect(draft.revision).toBe(2);
    // The step is audited on the published row, which stays published; the same click again is stale.
    const [opened] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, approved.id), eq(auditLog.action, "disclosure.openRevision")));
    expect(opened.detail).toMatchObject({
      from: "published",
      to: "draft",
      fromVersion: first.version,
      version: first.version + 1,
      revision: 2,
      revisionId: draft.id,
    });
    await expect(
      openRevision(t.db, cast.admin, approved.id, { expectedVersion: first.version, note: "x" }),
    ).rejects.toThrow(/已被他人修改/);
    const { meta, content } = await loadEditableDisclosure(t.db, cast.clerk, draft.id);
    content.responsibilities = [...content.responsibilities, "更正后新增的一项职责。"];
    let { version } = await saveDisclosureContent(t.db, cast.clerk, draft.id, content, {
      expectedVersion: meta.version,
    });
    for (const [step, by] of [
      ["submit", cast.clerk],
      ["startReview", cast.approver],
      ["approve", cast.approver],
    ] as const) {
      ({ version } = await transitionDisclosure(t.db, by, draft.id, step, { expectedVersion: version }));
    }
    // While revision 2 waits to be published, the public still reads revision 1.
    expect((await listPublicDisclosures(t.db, { fiscalYear: 2021 }))[0].revision).toBe(1);
    await publishSnapshot(t.db, cast.admin, draft.id, {
      expectedVersion: version,
      files: (c) => renderBundle(c, { printer, revision: 2 }),
    });

    const r2 = (await findPublicRevision(t.db, { fiscalYear: 2021, departmentCode: "434" }))!;
    expect(r2.revision).toBe(2);
    expect(r2.note).toBe("更正公务接待费");
    expect(r2.history.map((h) => [h.revision, h.note])).toEqual([
      [1, ""],
      [2, "更正公务接待费"],
    ]);
    expect(r2.canonical.responsibilities).toContain("更正后新增的一项职责。");
    expect(
      (await listPublicDisclosures(t.db, { fiscalYear: 2021 })).map((l) => [l.departmentCode, l.revision]),
    ).toEqual([["434", 2]]);

    // Revision 1: the same bytes as when it was published, still checksummed, still served.
    const old = (await findPublicRevision(t.db, { fiscalYear: 2021, departmentCode: "434", revision: 1 }))!;
    expect(old.canonical.responsibilities).not.toContain("更正后新增的一项职责。");
    for (const f of old.files) {
      const now = (await readPublicFile(t.db, {
        fiscalYear: 2021,
        departmentCode: "434",
        revision: 1,
        fileName: f.fileName,
      }))!;
      expect(Buffer.from(now.bytes).equals(Buffer.from(before.get(f.fileName)!))).toBe(true);
      expect(sha(now.bytes)).toBe(f.sha256);
    }
    expect(await verifySnapshot(t.db, old.snapshotId)).toBe(true);
    expect(await verifySnapshot(t.db, r2.snapshotId)).toBe(true);
    // Revision 2's files are its own: the Word file differs, and both are downloadable by address.
    const docx2 = r2.files.find((f) => f.format === "docx")!;
    expect(docx2.fileName).toBe("434-2021-r2.docx");
    expect(docx2.sha256).not.toBe(old.files.find((f) => f.format === "docx")!.sha256);
    expect(
      await readPublicFile(t.db, {
        fiscalYear: 2021,
        departmentCode: "434",
        revision: 2,
        fileName: "434-2021-r2.docx",
      }),
    ).not.toBeNull();
    expect(
      await readPublicFile(t.db, {
        fiscalYear: 2021,
        departmentCode: "434",
        revision: 3,
        fileName: "434-2021-r2.docx",
      }),
    ).toBeNull();

    // The year's export takes the latest revision, with its stored files.
    const source = await publishedYearSource(t.db, 2021);
    const items = [];
    for await (const item of source.items) items.push(item);
    expect(source.total).toBe(1);
    expect(items[0].revision).toBe(2);
    expect(items[0].stored.find((f) => f.format === "docx")!.fileName).toBe("434-2021-r2.docx");
    // Two whole bundles, each printed in Chromium: in CI's PostgreSQL re-run this shares two cores
    // with both Playwright runs, and took 31 s there (30 s is every other test's limit).
  }, 120_000);

  it("refuses a correction without a note, and publishing anything not approved", async () => {
    const cast = { clerk: world.actors.clerk2, approver: world.actors.approver2, admin: world.actors.admin };
    const published = await disclosureIn(t.db, cast, world.departments.health, "published", 2022);
    const draft = await openRevision(t.db, cast.admin, published.id, { expectedVersion: published.version });
    const meta = await loadEditableDisclosure(t.db, cast.clerk, draft.id);
    let version = meta.meta.version;
    await expect(publishSnapshot(t.db, cast.admin, draft.id, { expectedVersion: version, files: [] })).rejects.toThrow(
      /当前状态/,
    );
    for (const [step, by] of [
      ["submit", cast.clerk],
      ["startReview", cast.approver],
      ["approve", cast.approver],
    ] as const) {
      ({ version } = await transitionDisclosure(t.db, by, draft.id, step, { expectedVersion: version }));
    }
    await expect(publishSnapshot(t.db, cast.admin, draft.id, { expectedVersion: version, files: [] })).rejects.toThrow(
      "第2版是更正版本，请填写更正说明",
    );
    await expect(
      publishSnapshot(t.db, cast.clerk, draft.id, { expectedVersion: version, note: "更正", files: [] }),
    ).rejects.toThrow();
    // The correction's portal page is rendered from exactly what it freezes and stored with it;
    // revision 1, published without one (as before pages were stored), has none and is rendered per request.
    let rendered: Disclosure | null = null;
    await publishSnapshot(t.db, cast.admin, draft.id, {
      expectedVersion: version,
      note: "更正",
      files: [],
      page: (canonical) => {
        rendered = canonical;
        return renderPortalPage(canonical);
      },
    });
    const second = await findPublicRevision(t.db, { fiscalYear: 2022, departmentCode: "411" });
    expect(second?.revision).toBe(2);
    expect(rendered).toEqual(second!.canonical);
    expect(second!.portalPage).toEqual(renderPortalPage(second!.canonical));
    expect(second!.portalPage!.contents.map((c) => c.id)).toContain("performance");
    expect(second!.portalPage!.html).toContain('<article class="dd">');
    expect(
      (await findPublicRevision(t.db, { fiscalYear: 2022, departmentCode: "411", revision: 1 }))!.portalPage,
    ).toBeNull();
  });

  it("renders with the row unlocked; a publish that lost the race while it rendered stores nothing", async () => {
    const cast = { clerk: world.actors.clerk, approver: world.actors.approver, admin: world.actors.admin };
    const approved = await disclosureIn(t.db, cast, world.departments.office, "approved", 2023);
    let rival: { snapshotId: string } | undefined;
    const late = publishSnapshot(t.db, cast.admin, approved.id, {
      expectedVersion: approved.version,
      files: async (canonical) => {
        // Nobody holds the row while this renders (a held lock fails NOWAIT), so another publish goes through meanwhile.
        await t.db.transaction(async (tx) => {
          await tx.execute(sql`SELECT id FROM disclosures WHERE id = ${approved.id} FOR UPDATE NOWAIT`);
        });
        rival = await publishSnapshot(t.db, cast.admin, approved.id, { expectedVersion: approved.version, files: [] });
        return renderBundle(canonical, { formats: ["json"], revision: 1 });
      },
    });
    await expect(late).rejects.toBeInstanceOf(StateError);
    const snapshots = await t.db
      .select({ id: publishedSnapshots.id })
      .from(publishedSnapshots)
      .where(eq(publishedSnapshots.disclosureId, approved.id));
    expect(snapshots).toEqual([{ id: rival!.snapshotId }]);
    expect(
      await readPublicFile(t.db, {
        fiscalYear: 2023,
        departmentCode: "434",
        revision: 1,
        fileName: "434-2023-r1.json",
      }),
    ).toBeNull();
  });
});
