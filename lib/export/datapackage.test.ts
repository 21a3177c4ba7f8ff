import { describe, expect, it } from "vitest";
import { sumAmounts } from "../domain/money";
import { portalMessages } from "../i18n/zh-CN/portal";
import { FORMULA_LIKE_TEXTS } from "./__fixtures__/hostile-disclosure";
import { parseCsv } from "./csv";
import { BUDGET_CSV, renderDatapackage } from "./datapackage";
import { sanhe2020 } from "../domain/__fixtures__/sanhe-2020";

const files = renderDatapackage(sanhe2020());
const descriptor = JSON.parse(new TextDecoder().decode(files["datapackage.json"]));
const [header, ...rows] = parseCsv(new TextDecoder().decode(files[BUDGET_CSV]));
const column = (name: string) => header.indexOf(name);
const sum = (statement: string, direction: string) =>
  sumAmounts(
    rows
      .filter((r) => r[column("statement")] === statement && r[column("direction")] === direction)
      .map((r) => r[column("amount")]),
  ).toFixed(2);

describe("renderDatapackage", () => {
  it("is a Fiscal Data Package: resources with a schema, a model of measures and dimensions", () => {
    expect(Object.keys(files)).toEqual(["datapackage.json", BUDGET_CSV]);
    expect(descriptor).toMatchObject({
      name: "434-2020-budget",
      profile: "fiscal-data-package",
      fiscalPeriod: { start: "2020-01-01", end: "2020-12-31" },
    });
    expect(descriptor.resources[0].path).toBe(BUDGET_CSV);
    expect(descriptor.resources[0].schema.fields.map((f: { name: string }) => f.name)).toEqual(header);
    expect(descriptor.model.measures.amount).toEqual({
      source: "amount",
      currency: "CNY",
      factor: 10000,
      title: "本年预算",
    });
    const sources = Object.values(
      descriptor.model.dimensions as Record<string, { attributes: Record<string, { source: string }> }>,
    ).flatMap((d) => Object.values(d.attributes).map((a) => a.source));
    for (const source of sources) expect(header).toContain(source);
  });

  it("carries leaves that add up exactly to the published totals", () => {
    const g = sanhe2020();
    expect(sum("budget", "revenue")).toBe(g.budget.income.total);
    expect(sum("budget", "expenditure")).toBe(g.budget.expenditure.total);
    expect(sum("three-public", "expenditure")).toBe(g.threePublic.current.total);
    expect(sum("procurement", "expenditure")).toBe(g.procurement.total);
  });

  it("states every row's year, department and amount in 万元", () => {
    expect(rows).toHaveLength(4 + 4 + 4 + 3);
    expect(rows.every((r) => r[0] === "2020" && r[1] === "434" && r[2] === "三河市人民政府办公室")).toBe(true);
    expect(rows.find((r) => r[column("category_code")] === "vehicleOperation")?.slice(column("amount"))).toEqual([
      "30.00",
      "33.00",
    ]);
    expect(rows.find((r) => r[column("statement")] === "procurement")?.slice(5, 9)).toEqual([
      "A02030501",
      "轿车",
      "政府其他综合业务费",
      "53.94",
    ]);
  });

  it("writes text exactly as the disclosure has it, formula-like or not, and says so beside the CSV", () => {
    const g = sanhe2020();
    g.procurement.items = FORMULA_LIKE_TEXTS.map((item) => ({ ...g.procurement.items[0], item, project: item }));
    const package_ = renderDatapackage(g);
    const [head, ...body] = parseCsv(new TextDecoder().decode(package_[BUDGET_CSV]));
    const procurement = body.filter((r) => r[head.indexOf("statement")] === "procurement");
    expect(procurement.map((r) => r[head.indexOf("category_name")])).toEqual([...FORMULA_LIKE_TEXTS]);
    expect(procurement.map((r) => r[head.indexOf("project")])).toEqual([...FORMULA_LIKE_TEXTS]);
    expect(JSON.parse(new TextDecoder().decode(package_["datapackage.json"])).resources[0].description).toBe(
      portalMessages.dataPackageRawText,
    );
  });
});
