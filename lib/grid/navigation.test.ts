import { describe, expect, it } from "vitest";
import { clampCell, commitMove, moveCell, navigationMove, startsTyping, type KeyLike } from "./navigation";

const size = { rows: 5, cols: 6 };
const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({
  key: k,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});

describe("moving the active cell like a spreadsheet", () => {
  it("steps with the arrows and stops at the edges", () => {
    expect(moveCell({ row: 2, col: 2 }, "up", size)).toEqual({ row: 1, col: 2 });
    expect(moveCell({ row: 2, col: 2 }, "down", size)).toEqual({ row: 3, col: 2 });
    expect(moveCell({ row: 2, col: 2 }, "left", size)).toEqual({ row: 2, col: 1 });
    expect(moveCell({ row: 2, col: 2 }, "right", size)).toEqual({ row: 2, col: 3 });
    expect(moveCell({ row: 0, col: 0 }, "up", size)).toEqual({ row: 0, col: 0 });
    expect(moveCell({ row: 0, col: 0 }, "left", size)).toEqual({ row: 0, col: 0 });
    expect(moveCell({ row: 4, col: 5 }, "down", size)).toEqual({ row: 4, col: 5 });
    expect(moveCell({ row: 4, col: 5 }, "right", size)).toEqual({ row: 4, col: 5 });
  });

  it("Tab goes right and wraps to the next row's first cell; Shift+Tab back to the previous row's last", () => {
    expect(moveCell({ row: 1, col: 4 }, "next", size)).toEqual({ row: 1, col: 5 });
    expect(moveCell({ row: 1, col: 5 }, "next", size)).toEqual({ row: 2, col: 0 });
    expect(moveCell({ row: 4, col: 5 }, "next", size)).toEqual({ row: 4, col: 5 });
    expect(moveCell({ row: 2, col: 0 }, "previous", size)).toEqual({ row: 1, col: 5 });
    expect(moveCell({ row: 0, col: 0 }, "previous", size)).toEqual({ row: 0, col: 0 });
  });

  it("Enter moves down, Shift+Enter up, keeping the column", () => {
    expect(moveCell({ row: 1, col: 3 }, "enterDown", size)).toEqual({ row: 2, col: 3 });
    expect(moveCell({ row: 1, col: 3 }, "enterUp", size)).toEqual({ row: 0, col: 3 });
  });

  it("Home/End along the row, Ctrl+Home/End to the corners, PageUp/Down by ten rows", () => {
    expect(moveCell({ row: 3, col: 3 }, "rowStart", size)).toEqual({ row: 3, col: 0 });
    expect(moveCell({ row: 3, col: 3 }, "rowEnd", size)).toEqual({ row: 3, col: 5 });
    expect(moveCell({ row: 3, col: 3 }, "gridStart", size)).toEqual({ row: 0, col: 0 });
    expect(moveCell({ row: 1, col: 1 }, "gridEnd", size)).toEqual({ row: 4, col: 5 });
    expect(moveCell({ row: 15, col: 1 }, "pageUp", { rows: 30, cols: 6 })).toEqual({ row: 5, col: 1 });
    expect(moveCell({ row: 25, col: 1 }, "pageDown", { rows: 30, cols: 6 })).toEqual({ row: 29, col: 1 });
  });

  it("keeps a cell inside a grid that shrank (rows deleted by undo or by someone else)", () => {
    expect(clampCell({ row: 9, col: 9 }, size)).toEqual({ row: 4, col: 5 });
    expect(clampCell({ row: 3, col: 2 }, { rows: 0, cols: 6 })).toEqual({ row: 0, col: 0 });
    expect(moveCell({ row: 9, col: 1 }, "up", size)).toEqual({ row: 3, col: 1 });
  });
});

describe("which keys do what", () => {
  it("reads navigation keys while a cell is selected", () => {
    expect(navigationMove(key("ArrowDown"))).toBe("down");
    expect(navigationMove(key("ArrowDown", { ctrlKey: true }))).toBe("gridEnd");
    expect(navigationMove(key("Tab", { shiftKey: true }))).toBe("previous");
    expect(navigationMove(key("Enter"))).toBe("enterDown");
    expect(navigationMove(key("Enter", { shiftKey: true }))).toBe("enterUp");
    // Ctrl+Enter inserts a row and Alt+arrows move rows: not navigation.
    expect(navigationMove(key("Enter", { ctrlKey: true }))).toBeNull();
    expect(navigationMove(key("ArrowUp", { altKey: true }))).toBeNull();
    expect(navigationMove(key("a"))).toBeNull();
  });

  it("ends an edit on Enter, Tab and up/down, never while an input method is composing", () => {
    const composing = { isComposing: true };
    expect(commitMove({ ...key("Enter"), isComposing: false })).toBe("enterDown");
    expect(commitMove({ ...key("Tab"), isComposing: false })).toBe("next");
    expect(commitMove({ ...key("ArrowDown"), isComposing: false })).toBe("down");
    expect(commitMove({ ...key("ArrowLeft"), isComposing: false })).toBeNull();
    expect(commitMove({ ...key("Enter"), ...composing })).toBeNull();
    expect(commitMove({ ...key("Tab"), ...composing })).toBeNull();
    expect(commitMove({ ...key("ArrowDown"), ...composing })).toBeNull();
  });

  it("knows a printable key or an input method's first key starts typing, shortcuts do not", () => {
    expect(startsTyping(key("a"))).toBe(true);
    expect(startsTyping(key("满"))).toBe(true);
    expect(startsTyping(key("Process"))).toBe(true);
    expect(startsTyping(key("z", { ctrlKey: true }))).toBe(false);
    expect(startsTyping(key("F2"))).toBe(false);
    expect(startsTyping(key("ArrowDown"))).toBe(false);
  });
});
