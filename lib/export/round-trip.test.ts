import { describe, expect, it } from "vitest";
import type { Disclosure } from "../domain/model";
import { importDisclosureText } from "../import/text/import-disclosure";
import { renderDocx } from "./docx";
import { docxToDisclosureText } from "./docx-read";
import { sanhe2020, sanhe2020Text } from "../domain/__fixtures__/sanhe-2020";

/**
 * The requirement: "the fixture imported, exported to .docx, imported again gives the
 * same canonical JSON". fixture → importer → golden → renderDocx → docxToDisclosureText → importer.
 */

const golden = sanhe2020();
const throughWord = async (d: Disclosure) => importDisclosureText(await docxToDisclosureText(await renderDocx(d)));

describe("fixture → .docx → fixture", () => {
  it("the fixture imports as the golden JSON (the starting point of the trip)", () => {
    const imported = importDisclosureText(sanhe2020Text());
    expect(imported.problems).toEqual([]);
    expect(imported.disclosure).toEqual(golden);
  });

  it("imported again from the Word file gives the same canonical JSON, without a problem", async () => {
    const back = await throughWord(golden);
    expect(back.problems).toEqual([]);
    expect(back.disclosure).toEqual(golden);
  });

  it("a second trip changes nothing more (the export is a fixed point)", async () => {
    const once = (await throughWord(golden)).disclosure;
    const twice = (await throughWord(once)).disclosure;
    expect(twice).toEqual(once);
  });
});
