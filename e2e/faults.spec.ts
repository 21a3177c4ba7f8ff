import { rmSync } from "node:fs";
import path from "node:path";
import { mkdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { and, eq } from "drizzle-orm";
import { createDb, type Db } from "../db/client";
import { migrateDb } from "../db/migrate";
import { loadEditableDisclosure } from "../db/queries/disclosures";
import { startSession } from "../db/queries/sessions";
import { findUserByUsername, loadActor } from "../db/queries/users";
import { disclosures } from "../db/schema/disclosures";
import { departments } from "../db/schema/organisation";
import { seedDemo } from "../db/seed/demo";
import type { EditableDisclosure } from "../lib/domain/editable";
import { consistencyProblems, markVersions } from "../lib/tools/ops/fault-checks";
import {
  actionId,
  callAction,
  freePort,
  sendJsonRoute,
  sessionCookie,
  startServer,
  type RunningServer,
} from "../lib/tools/ops/next-server";
import { look } from "./accounts";

/**
 * The production server on its own PGlite folder, killed with SIGKILL while a clerk autosaves and
 * another submits, then started again, twice: nothing the server confirmed is lost, nothing half
 * written is visible (every disclosure reads back valid, each version step has its audit row, the
 * audit chain holds), and the restarted server serves the saved content.
 */

const distDir = process.env.NEXT_DIST_DIR || ".next";
const dataDir = path.resolve(`${process.env.E2E_DATA_DIR ?? ".data/e2e"}-faults`);
const secret = "faults-only-secret-not-for-production-0123456789";
const env = { PGLITE_DIR: dataDir, AUTH_SECRET: secret, NEXTAUTH_SECRET: secret };
const EDIT = "app/disclosures/[id]/edit/actions.ts";

test.describe.configure({ mode: "serial" });
test.setTimeout(600_000);

async function withDb<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const handle = createDb({ pgliteDir: dataDir });
  try {
    return await fn(handle.db);
  } finally {
    await handle.close();
  }
}

async function disclosureOf(db: Db, code: string, year: number): Promise<string> {
  const [row] = await db
    .select({ id: disclosures.id })
    .from(disclosures)
    .innerJoin(departments, eq(departments.id, disclosures.departmentId))
    .where(and(eq(departments.code, code), eq(disclosures.fiscalYear, year)));
  return row.id;
}

type People = {
  clerk: { id: string; cookie: string };
  submitters: Array<{ id: string; cookie: string; disclosureId: string }>;
  draftId: string;
};

let people: People;

test.beforeAll(async () => {
  // Migrating and seeding a database of its own is set-up, not what is tested: a busy machine may
  // need more than the one-minute default for it.
  test.setTimeout(240_000);
  rmSync(dataDir, { recursive: true, force: true });
  people = await withDb(async (db) => {
    await migrateDb(db);
    await seedDemo(db);
    const cookieOf = async (username: string) => {
      const user = (await findUserByUsername(db, username))!;
      return {
        id: user.id,
        cookie: await sessionCookie(secret, {
          id: user.id,
          name: username,
          role: "clerk",
          sessionId: await startSession(db, user.id, null),
        }),
      };
    };
    // 434's 2021 draft takes the autosaves; 420's draft and 411's returned disclosure get submitted.
    return {
      clerk: await cookieOf("clerk"),
      draftId: await disclosureOf(db, "434", 2021),
      submitters: [
        { ...(await cookieOf("clerk420")), disclosureId: await disclosureOf(db, "420", 2021) },
        { ...(await cookieOf("clerk2")), disclosureId: await disclosureOf(db, "411", 2021) },
      ],
    };
  });
});

test("SIGKILL in the middle of saves and transitions loses nothing confirmed and shows nothing half-written", async () => {
  const port = await freePort();
  const submit = actionId(distDir, EDIT, "submitAction");
  let lastMarker = "";

  for (const [round, submitter] of people.submitters.entries()) {
    const before = await withDb(async (db) => {
      const admin = (await loadActor(db, (await findUserByUsername(db, "admin"))!.id))!;
      const draft = await loadEditableDisclosure(db, admin, people.draftId);
      const sub = await loadEditableDisclosure(db, admin, submitter.disclosureId);
      return {
        marks: await markVersions(db, [people.draftId, submitter.disclosureId]),
        draft,
        subVersion: sub.meta.version,
      };
    });
    const server: RunningServer = await startServer({ distDir, env, port });
    // Killed at a random moment once saves are flowing (the first one warms the server up).
    let killed = false;
    let warm: () => void = () => undefined;
    const warmedUp = new Promise<void>((resolve) => (warm = resolve));

    // The clerk's autosave: one save at a time, each with the version and base the last one confirmed.
    let confirmed = { n: 0, version: before.draft.meta.version };
    let sent = 0;
    const autosave = (async () => {
      let base: EditableDisclosure = before.draft.content;
      for (let n = 1; ; n++) {
        const content = { ...base, otherMatters: `断电测试 第${round + 1}轮 第${n}次保存` };
        sent = n;
        try {
          const answer = await sendJsonRoute(
            server.url,
            "PUT",
            `/api/disclosures/${people.draftId}/content`,
            people.clerk.cookie,
            { expectedVersion: confirmed.version, content, base },
          );
          expect(answer.status, answer.text.slice(0, 300)).toBe(200);
          confirmed = { n, version: answer.body!.version as number };
          base = content;
          warm();
        } catch (error) {
          if (!killed) throw error;
          return; // the server is gone
        }
      }
    })();
    // The submit is sent shortly before the kill, so it is often cut off mid-way.
    let submitted: number | null = null;
    await Promise.race([warmedUp, autosave]);
    const killAt = 500 + Math.random() * 1500;
    const transition = (async () => {
      await new Promise((r) => setTimeout(r, Math.max(0, killAt - 400 * Math.random())));
      try {
        const answer = await callAction(
          server.url,
          `/disclosures/${submitter.disclosureId}/edit`,
          submit,
          submitter.cookie,
          { id: submitter.disclosureId, expectedVersion: before.subVersion },
        );
        if (answer.outcome?.ok) submitted = (answer.outcome.data as { version: number }).version;
      } catch {
        // cut off by the kill
      }
    })();
    await new Promise((r) => setTimeout(r, killAt));
    killed = true;
    await server.kill();
    await Promise.all([autosave, transition]);
    expect(confirmed.n, "some saves were confirmed before the kill").toBeGreaterThan(0);

    await withDb(async (db) => {
      const admin = (await loadActor(db, (await findUserByUsername(db, "admin"))!.id))!;
      expect(await consistencyProblems(db, admin, before.marks)).toEqual([]);
      const draft = await loadEditableDisclosure(db, admin, people.draftId);
      // Nothing confirmed is lost: the stored save is the last confirmed one or the one in flight.
      const stored = Number(/第(\d+)次保存/.exec(draft.content.otherMatters)?.[1] ?? 0);
      expect(stored).toBeGreaterThanOrEqual(confirmed.n);
      expect(stored).toBeLessThanOrEqual(sent);
      expect(draft.meta.version).toBeGreaterThanOrEqual(confirmed.version);
      lastMarker = draft.content.otherMatters;
      const sub = await loadEditableDisclosure(db, admin, submitter.disclosureId);
      if (submitted !== null)
        expect({ state: sub.meta.state, version: sub.meta.version }).toEqual({
          state: "submitted",
          version: submitted,
        });
      // Either the whole step happened or none of it.
      expect([before.subVersion, before.subVersion + 1]).toContain(sub.meta.version);
      expect(sub.meta.state).toBe(
        sub.meta.version === before.subVersion ? (round === 0 ? "draft" : "returned") : "submitted",
      );
    });
  }

  // Started once more, the server serves what was stored.
  const server = await startServer({ distDir, env, port });
  try {
    const res = await fetch(`${server.url}/api/disclosures/${people.draftId}`, {
      headers: { Cookie: people.clerk.cookie },
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { otherMatters: string }).otherMatters).toBe(lastMarker);
  } finally {
    await server.stop();
  }
});

test("edits typed while the server is down are kept in the browser and saved once it is back", async ({ browser }) => {
  const port = await freePort();
  const text = `服务器中断期间填写的说明（${Date.now()}）`;
  const shots = "/tmp/shots-ops";
  mkdirSync(shots, { recursive: true });
  let server = await startServer({ distDir, env, port });
  const context = await browser.newContext({ baseURL: server.url });
  const [name, value] = people.clerk.cookie.split("=");
  await context.addCookies([{ name, value, url: server.url }]);
  const open = async (): Promise<Page> => {
    const page = await context.newPage();
    await page.goto(`/disclosures/${people.draftId}/edit?section=otherMatters`);
    return page;
  };
  try {
    let page = await open();
    const field = page.getByRole("textbox", { name: "其他需要说明的事项" });
    await expect(field).toBeEditable();

    await server.kill();
    await field.fill(text);
    // The edit waits in localStorage, and the page says it is not saved.
    await page.waitForFunction(
      (t) =>
        Object.keys(localStorage).some(
          (k) => k.startsWith("bdw.editor.") && (localStorage.getItem(k) ?? "").includes(t),
        ),
      text,
      { timeout: 30_000 },
    );
    await expect(page.getByText("未保存（离线）")).toBeVisible({ timeout: 30_000 });
    await look(page, { path: `${shots}/faults-offline.png`, fullPage: false });
    // The tab is closed while the server is still down.
    await page.close();

    server = await startServer({ distDir, env, port });
    page = await open();
    await expect(page.getByRole("textbox", { name: "其他需要说明的事项" })).toHaveValue(text);
    // Saved on the server: what the API reads back, and nothing left waiting in the browser.
    await expect
      .poll(
        async () =>
          (
            (await (
              await fetch(`${server.url}/api/disclosures/${people.draftId}`, {
                headers: { Cookie: people.clerk.cookie },
              })
            ).json()) as { otherMatters?: string }
          ).otherMatters,
        { timeout: 60_000 },
      )
      .toBe(text);
    await expect
      .poll(() => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("bdw.editor.")).length), {
        timeout: 30_000,
      })
      .toBe(0);
    await look(page, { path: `${shots}/faults-restored.png`, fullPage: false });
  } finally {
    await context.close();
    await server.stop();
  }
});
