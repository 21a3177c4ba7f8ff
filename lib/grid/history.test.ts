import { describe, expect, it } from "vitest";
import { adopt, canRedo, canUndo, createHistory, record, redo, undo } from "./history";

type Focus = { row: number };

describe("undo and redo", () => {
  it("walks back and forth through recorded values, returning where each change was made", () => {
    let h = createHistory<string[], Focus>(["a"]);
    h = record(h, ["a", "b"], { row: 1 });
    h = record(h, ["a", "B"], { row: 1 });
    h = record(h, ["B"], { row: 0 });
    expect(h.present).toEqual(["B"]);

    let step = undo(h);
    expect(step.history.present).toEqual(["a", "B"]);
    expect(step.focus).toEqual({ row: 0 });
    step = undo(step.history);
    expect(step.history.present).toEqual(["a", "b"]);
    expect(step.focus).toEqual({ row: 1 });
    const back = redo(step.history);
    expect(back.history.present).toEqual(["a", "B"]);
    expect(back.focus).toEqual({ row: 1 });
    const again = redo(back.history);
    expect(again.history.present).toEqual(["B"]);
    expect(canRedo(again.history)).toBe(false);
  });

  it("a new edit after an undo drops the redo steps", () => {
    let h = createHistory<number>(0);
    h = record(h, 1);
    h = record(h, 2);
    h = undo(h).history;
    expect(canRedo(h)).toBe(true);
    h = record(h, 5);
    expect(canRedo(h)).toBe(false);
    expect(undo(h).history.present).toBe(1);
  });

  it("does nothing at either end, and records nothing for an unchanged value", () => {
    const h = createHistory<number[]>([1]);
    expect(canUndo(h)).toBe(false);
    expect(undo(h).history).toBe(h);
    expect(redo(h).history).toBe(h);
    expect(record(h, h.present)).toBe(h);
  });

  it("merges keystrokes into one step when asked", () => {
    let h = createHistory<string>("");
    h = record(h, "三");
    h = record(h, "三河", null, { merge: true });
    h = record(h, "三河市", null, { merge: true });
    expect(h.past).toHaveLength(1);
    expect(undo(h).history.present).toBe("");
  });

  it("adopts a value from outside without an undo step, and undo then goes to the step before it", () => {
    let h = createHistory<string>("a");
    h = record(h, "b");
    h = adopt(h, "b+server");
    expect(h.present).toBe("b+server");
    expect(h.past).toHaveLength(1);
    expect(undo(h).history.present).toBe("a");
  });

  it("keeps at most the limit of steps, dropping the oldest", () => {
    let h = createHistory<number>(0);
    for (let i = 1; i <= 10; i++) h = record(h, i, null, { limit: 3 });
    expect(h.past.map((e) => e.value)).toEqual([7, 8, 9]);
  });
});
