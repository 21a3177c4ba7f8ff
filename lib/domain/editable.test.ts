import { describe, expect, it } from "vitest";
import { editableDisclosure, ensureRowIds, savedDisclosure, toCanonical, type EditableDisclosure } from "./editable";
import { sanhe2020 } from "./__fixtures__/sanhe-2020";
import { sanheDraft } from "./__fixtures__/sanhe-draft";

describe("row ids made in the browser", () => {
  it("every project, indicator and procurement line gets one; rows that have one keep it", () => {
    const d = ensureRowIds<EditableDisclosure>(sanhe2020());
    const ids = [
      ...d.performance.projects.flatMap((p) => [p.id, ...p.indicators.map((i) => i.id)]),
      ...d.procurement.items.map((i) => i.id),
    ];
    expect(ids.every((id) => typeof id === "string" && /^[0-9a-f-]{36}$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ensureRowIds(d)).toBe(d);
    const withNew = {
      ...d,
      procurement: { ...d.procurement, items: [...d.procurement.items, { ...sanhe2020().procurement.items[0] }] },
    };
    const again = ensureRowIds(withNew);
    expect(again.procurement.items.slice(0, 3).map((i) => i.id)).toEqual(d.procurement.items.map((i) => i.id));
    expect(again.procurement.items[3].id).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("the editable and the saved shape", () => {
  it("a save may leave a row's id out; what the database gives back has every one; the canonical JSON none", () => {
    const canonical = sanhe2020();
    expect(editableDisclosure.safeParse(canonical).success).toBe(true);
    expect(savedDisclosure.safeParse(canonical).success).toBe(false);
    const draft = sanheDraft();
    expect(savedDisclosure.parse(draft)).toEqual(draft);
    expect(toCanonical(draft)).toEqual(canonical);
  });
});
