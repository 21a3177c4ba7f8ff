import { describe, expect, it } from "vitest";
import { documentOutline } from "../render/document";
import { sanhe2020 } from "../domain/__fixtures__/sanhe-2020";
import { marksAgainst, textPlace, textsByPlace } from "./year-compare";

describe("对比上年 marks", () => {
  it("finds every paragraph and table cell of the outline by place", () => {
    const outline = documentOutline(sanhe2020());
    const texts = textsByPlace(outline);
    const first = outline.sections[0];
    const b = first.blocks.findIndex((block) => block.kind === "paragraph");
    const block = first.blocks[b];
    expect(block.kind === "paragraph" && texts.get(textPlace.block(first.id, b))).toBe(
      block.kind === "paragraph" ? block.text : false,
    );
    const table = outline.sections.flatMap((s) => s.blocks).find((x) => x.kind === "table");
    expect(table?.kind === "table" && texts.get(textPlace.cell(table.table.id, 0, 0))).toBe(
      table?.kind === "table" ? table.table.rows[0].cells[0].text : false,
    );
  });

  it("marks nothing where the text is the same, the changed words where it differs, all of it where it is new", () => {
    expect(marksAgainst("同上年", "同上年", "after")).toBeNull();
    expect(marksAgainst("", "上年有", "after")).toBeNull();
    const diff = [
      { kind: "same", text: "收入预算 " },
      { kind: "removed", text: "100" },
      { kind: "added", text: "120" },
      { kind: "same", text: " 万元" },
    ];
    // This year's text against last year's, and last year's against this year's: the same diff.
    expect(marksAgainst("收入预算 120 万元", "收入预算 100 万元", "after")).toEqual(diff);
    expect(marksAgainst("收入预算 100 万元", "收入预算 120 万元", "before")).toEqual(diff);
    expect(marksAgainst("新增段落", undefined, "after")).toEqual([{ kind: "added", text: "新增段落" }]);
    expect(marksAgainst("上年段落", "", "before")).toEqual([{ kind: "removed", text: "上年段落" }]);
    // Too different to compare within the bound: the whole text is marked.
    expect(marksAgainst("甲".repeat(600), "乙".repeat(600), "after")).toEqual([
      { kind: "added", text: "甲".repeat(600) },
    ]);
  });
});
