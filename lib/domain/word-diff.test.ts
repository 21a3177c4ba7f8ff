import { describe, expect, it } from "vitest";
import { tokenize, WORD_DIFF_MAX_CELLS, wordDiff, type DiffPart } from "./word-diff";

const side = (parts: DiffPart[], which: "before" | "after") =>
  parts
    .filter((p) => p.kind === "same" || p.kind === (which === "before" ? "removed" : "added"))
    .map((p) => p.text)
    .join("");

describe("tokenize", () => {
  it("keeps a number (with its separators and percent) whole, and each Chinese character on its own", () => {
    expect(tokenize(">=1,234.5万元")).toEqual([">", "=", "1,234.5", "万", "元"]);
    expect(tokenize("达到98%以上")).toEqual(["达", "到", "98%", "以", "上"]);
  });
});

describe("wordDiff", () => {
  it("marks only the number that changed in a 指标值", () => {
    expect(wordDiff(">=12次", ">=15次")).toEqual([
      { kind: "same", text: ">=" },
      { kind: "removed", text: "12" },
      { kind: "added", text: "15" },
      { kind: "same", text: "次" },
    ]);
  });

  it("marks the words changed inside a Chinese sentence, not the sentence", () => {
    const before = "主要用于保障机关正常运转，开展市志编纂工作。";
    const after = "主要用于保障机关日常运转，开展市志和年鉴编纂工作。";
    const parts = wordDiff(before, after)!;
    expect(parts.filter((p) => p.kind === "removed").map((p) => p.text)).toEqual(["正"]);
    expect(parts.filter((p) => p.kind === "added").map((p) => p.text)).toEqual(["日", "和年鉴"]);
    expect(side(parts, "before")).toBe(before);
    expect(side(parts, "after")).toBe(after);
  });

  it("handles empty sides and equal text", () => {
    expect(wordDiff("", "新增内容")).toEqual([{ kind: "added", text: "新增内容" }]);
    expect(wordDiff("删除内容", "")).toEqual([{ kind: "removed", text: "删除内容" }]);
    expect(wordDiff("相同", "相同")).toEqual([{ kind: "same", text: "相同" }]);
    expect(wordDiff("", "")).toEqual([]);
  });

  it("gives up (null: mark the whole field) when the changed middle is beyond the bound", () => {
    const a = "甲".repeat(600);
    const b = "乙".repeat(600);
    expect(601 * 601).toBeGreaterThan(WORD_DIFF_MAX_CELLS);
    expect(wordDiff(a, b)).toBeNull();
    // The same length with the change in one place: head and tail are cut first, so it is compared.
    const long = "预算".repeat(2_000);
    const parts = wordDiff(`${long}原文${long}`, `${long}新文${long}`)!;
    expect(parts.filter((p) => p.kind !== "same")).toEqual([
      { kind: "removed", text: "原" },
      { kind: "added", text: "新" },
    ]);
    // A smaller bound for the caller that wants one.
    expect(wordDiff("abc 一二三", "xyz 四五六", 4)).toBeNull();
  });

  it("fills the largest table it accepts and gives back both sides exactly", () => {
    // 499 × 499 distinct-enough tokens fill the table once: the point is that it returns, exactly.
    const a = Array.from({ length: 498 }, (_, i) => String.fromCharCode(0x4e00 + (i % 300))).join("");
    const b = Array.from({ length: 498 }, (_, i) => String.fromCharCode(0x4e00 + ((i * 7) % 300))).join("");
    const parts = wordDiff(a, b);
    expect(parts).not.toBeNull();
    expect(side(parts!, "before")).toBe(a);
    expect(side(parts!, "after")).toBe(b);
  });
});
