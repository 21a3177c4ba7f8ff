import { describe, expect, it } from "vitest";
import type { DisclosureListItem } from "@/db/queries/disclosures";
import { pickLastYearSource } from "./start-context";

const row = (id: string, fiscalYear: number, revision: number, state: DisclosureListItem["state"]) =>
  ({ id, fiscalYear, revision, state }) as DisclosureListItem;

describe("pickLastYearSource: which disclosure a new year carries forward", () => {
  it("last year's published revision, even when a later correction is still a draft", () => {
    expect(
      pickLastYearSource(
        [row("a", 2021, 1, "published"), row("b", 2021, 2, "draft"), row("c", 2020, 1, "published")],
        2022,
      )?.id,
    ).toBe("a");
  });

  it("last year's latest revision when last year was not published", () => {
    expect(pickLastYearSource([row("r1", 2021, 1, "returned"), row("c", 2020, 1, "published")], 2022)?.id).toBe("r1");
  });

  it("the newest published disclosure when there is nothing for last year", () => {
    expect(
      pickLastYearSource(
        [row("old", 2019, 1, "published"), row("c", 2020, 2, "published"), row("d", 2020, 1, "published")],
        2022,
      )?.id,
    ).toBe("c");
  });

  it("nothing from this year or later, and nothing unpublished from before last year", () => {
    expect(
      pickLastYearSource(
        [row("same", 2022, 1, "draft"), row("later", 2023, 1, "published"), row("old-draft", 2020, 1, "draft")],
        2022,
      ),
    ).toBeNull();
  });
});
