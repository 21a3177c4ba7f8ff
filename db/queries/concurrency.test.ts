import { and, eq, notLike } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveContentOperation, submitOperation, type SaveContentAnswer } from "@/app/disclosures/[id]/edit/operations";
import { returnOperation, startReviewOperation, withdrawOperation } from "@/app/review/operations";
import { executeOperation, type Operation } from "@/app/_server/operation";
import { buildOperationWorld, type OperationWorld } from "@/app/_server/testing/operation-world";
import type { Actor } from "@/lib/auth/actor";
import type { EditableDisclosure } from "@/lib/domain/editable";
import { auditLog } from "../schema/audit";
import { createTestDb, type TestDb } from "../test-db";
import type { DisclosureState } from "@/lib/workflow/states";
import { loadEditableDisclosure } from "./disclosures";
import { addComment } from "./review";

/**
 * 1,000 randomized concurrent edits and transitions by four people on one disclosure, through the
 * real operations on the real database (PGlite; PostgreSQL with DATABASE_URL, where they truly run
 * in parallel on a pool of connections). Each editor owns one text field and autosaves it with
 * the version and base its "tab" last saw — often stale, so saves are refused or merged — while
 * the clerks submit and withdraw and the approver starts reviews and returns. Then:
 * - every accepted operation produced a distinct version, and together they are 2…final, gap-free;
 * - no lost update: at every accepted save, each editor's field holds that editor's latest
 *   accepted value (replayed in version order), and so does the final content;
 * - the final state, version and content equal the serial replay of the accepted operations;
 * - the audit log has exactly one row per accepted operation.
 */

const OPERATIONS = Number(process.env.CONCURRENCY_OPERATIONS ?? 1000);
const SEED = Number(process.env.CONCURRENCY_SEED ?? Date.now() % 2 ** 31);

type Field = "otherMatters" | "preamble" | "title";
type Editor = "clerk" | "spareClerk" | "admin";
const fieldOf: Record<Editor, Field> = { clerk: "otherMatters", spareClerk: "preamble", admin: "title" };
const editors = Object.keys(fieldOf) as Editor[];

type Accepted =
  | { version: number; kind: "save"; editor: Editor; fields: Record<Field, string> }
  | { version: number; kind: "transition"; to: DisclosureState };

/** Small deterministic PRNG, so a failing run can be repeated with CONCURRENCY_SEED. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let t: TestDb;
let world: OperationWorld;
let id: string;

beforeAll(async () => {
  t = await createTestDb();
  world = await buildOperationWorld(t.db);
  // The 2021 disclosure is complete enough to pass the submit guards.
  id = world.readyDraftId;
}, 120_000);

afterAll(async () => {
  await t?.close();
});

/** Audit rows of the disclosure other than comments. */
async function auditRows(): Promise<number> {
  const rows = await t.db
    .select({ action: auditLog.action })
    .from(auditLog)
    .where(and(eq(auditLog.entityId, id), notLike(auditLog.action, "comment.%")));
  return rows.length;
}

const fieldsOf = (c: EditableDisclosure): Record<Field, string> => ({
  otherMatters: c.otherMatters,
  preamble: c.preamble,
  title: c.title,
});

describe("concurrent edits and transitions on one draft", () => {
  it(`${OPERATIONS} randomized operations: no lost update, the result equals the serial replay (seed ${SEED})`, async () => {
    const random = mulberry32(SEED);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
    const actorOf = (name: Editor | "approver"): Actor => world.actors[name];
    const initial = await loadEditableDisclosure(t.db, world.actors.admin, id);
    const auditBefore = await auditRows();
    // What each editor's browser tab last saw (the version and base it saves against).
    const tab = new Map<Editor, { version: number; base: EditableDisclosure }>(
      editors.map((e) => [e, { version: initial.meta.version, base: initial.content }]),
    );
    const accepted: Accepted[] = [];
    const unexpected: string[] = [];
    const refusals = new Map<string, number>();
    let counter = 0;
    const run = async (op: unknown, actor: Actor, input: unknown) =>
      executeOperation(op as Operation<never, unknown>, { db: t.db, actor, ip: "127.0.0.1" }, input);

    // One autosave of the editor's tab (a tab saves one at a time, as the editor's queue does).
    const save = async (editor: Editor, n: number): Promise<void> => {
      // Now and then the tab reloads first; otherwise it saves against what it last saw.
      if (random() < 0.2) {
        const fresh = await loadEditableDisclosure(t.db, actorOf("admin"), id);
        tab.set(editor, { version: fresh.meta.version, base: fresh.content });
      }
      const { version, base } = tab.get(editor)!;
      const content = { ...base, [fieldOf[editor]]: `${editor}-${n}` };
      const outcome = await run(saveContentOperation, actorOf(editor), { id, expectedVersion: version, content, base });
      if (!outcome.ok) {
        if (!["invalid-state", "conflict"].includes(outcome.code))
          unexpected.push(`save ${n}: ${outcome.code} ${outcome.formError}`);
        return;
      }
      const answer = outcome.data as SaveContentAnswer;
      if (answer.kind === "conflict") {
        unexpected.push(`save ${n}: disjoint edits reported as a conflict`);
        return;
      }
      const stored = answer.kind === "merged" ? answer.content : content;
      accepted.push({ version: answer.version, kind: "save", editor, fields: fieldsOf(stored) });
      tab.set(editor, { version: answer.version, base: stored });
    };

    // A transition by whoever would take it in the state they see; on "changed by someone else"
    // they look again and retry, up to eight times, as a person clicking again would.
    const transition = async (n: number): Promise<void> => {
      for (let attempt = 0; attempt < 8; attempt++) {
        const { meta } = await loadEditableDisclosure(t.db, actorOf("admin"), id);
        // Now and then at a version just gone stale.
        const version = random() < 0.85 ? meta.version : Math.max(1, meta.version - 1);
        const step =
          meta.state === "submitted"
            ? pick(["withdraw", "startReview"] as const)
            : meta.state === "in_review"
              ? "return"
              : "submit";
        const outcome =
          step === "submit"
            ? await run(submitOperation, actorOf(pick(["clerk", "spareClerk"] as const)), {
                id,
                expectedVersion: version,
              })
            : step === "withdraw"
              ? await run(withdrawOperation, actorOf("clerk"), { id, expectedVersion: version })
              : step === "startReview"
                ? await run(startReviewOperation, actorOf("approver"), { id, expectedVersion: version })
                : await (async () => {
                    // A return needs an open comment; commenting is refused unless it is under review.
                    await addComment(t.db, actorOf("approver"), id, {
                      anchorPath: "preamble",
                      body: `意见 ${n}`,
                    }).catch(() => null);
                    return run(returnOperation, actorOf("approver"), {
                      id,
                      expectedVersion: version,
                      reasonCode: "other",
                      note: `退回 ${n}`,
                    });
                  })();
        if (outcome.ok) {
          const result = outcome.data as { version: number; state: DisclosureState };
          accepted.push({ version: result.version, kind: "transition", to: result.state });
          return;
        }
        if (!["invalid-state", "conflict"].includes(outcome.code))
          unexpected.push(`${step} ${n}: ${outcome.code} ${outcome.formError}`);
        const key = `${step}: ${outcome.code}`;
        refusals.set(key, (refusals.get(key) ?? 0) + 1);
        if (outcome.code !== "conflict") return;
      }
    };

    // Three editors' tabs and two people moving it along, all at once, until 1,000 operations ran.
    const loop = (one: (n: number) => Promise<void>) => async () => {
      while (counter < OPERATIONS) {
        await one(++counter);
        // A moment between operations (typing, reading); without it the editors starve the others.
        await new Promise((r) => setTimeout(r, random() * 30));
      }
    };
    await Promise.all(
      [...editors.map((e) => loop((n) => save(e, n))), loop(transition), loop(transition)].map((f) => f()),
    );
    expect(unexpected).toEqual([]);

    // Enough of both kinds got through for the check to mean something.
    expect(accepted.filter((a) => a.kind === "save").length).toBeGreaterThan(OPERATIONS / 10);
    expect(accepted.filter((a) => a.kind === "transition").length, JSON.stringify([...refusals])).toBeGreaterThan(
      OPERATIONS / 100,
    );

    // Every accepted operation made exactly one new version: 2, 3, … with no gap and no twin.
    const byVersion = [...accepted].sort((a, b) => a.version - b.version);
    expect(byVersion.map((a) => a.version)).toEqual(byVersion.map((_, i) => initial.meta.version + 1 + i));

    // Serial replay in version order; at each save, no other editor's accepted value went missing.
    let state: DisclosureState = initial.meta.state;
    let fields = fieldsOf(initial.content);
    const latest = new Map<Field, string>(Object.entries(fieldsOf(initial.content)) as Array<[Field, string]>);
    const lost: string[] = [];
    for (const a of byVersion) {
      if (a.kind === "transition") {
        state = a.to;
        continue;
      }
      latest.set(fieldOf[a.editor], a.fields[fieldOf[a.editor]]);
      for (const [field, value] of latest)
        if (a.fields[field] !== value) lost.push(`v${a.version}: ${field} is ${a.fields[field]}, should be ${value}`);
      fields = a.fields;
    }
    expect(lost).toEqual([]);

    const final = await loadEditableDisclosure(t.db, world.actors.admin, id);
    expect({ version: final.meta.version, state: final.meta.state, fields: fieldsOf(final.content) }).toEqual({
      version: initial.meta.version + accepted.length,
      state,
      fields,
    });
    expect(fieldsOf(final.content)).toEqual(Object.fromEntries(latest));

    // One audit row per accepted operation (comments are audited as comments).
    expect((await auditRows()) - auditBefore).toBe(accepted.length);
  }, 600_000);
});
