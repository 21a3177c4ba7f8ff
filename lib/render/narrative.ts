import type Decimal from "decimal.js";
import type { Disclosure } from "../domain/model";
import { formatAmountInText, money, sumAmounts } from "../domain/money";

/**
 * The sentences a disclosure states its figures in. In the app a figure is typed once, as a field,
 * and the sentence is generated from it, so the text can never disagree with the tables. The
 * wording is the 2020 三河 fixture's, word for word, wherever the fixture has one; where the data
 * calls for another form (a decrease, no change, nothing bought) the natural variant is used.
 */

/** What a sentence shows for a figure the clerk has not filled in yet: a blank to be filled. */
export const MISSING_FIGURE = "____";

type AmountText = string | null | undefined;

/** `2765.39万元`, `0万元`: amounts in sentences drop trailing zero decimals, as the fixture does. */
export function wan(amount: AmountText | Decimal): string {
  return amount == null ? `${MISSING_FIGURE}万元` : `${formatAmountInText(amount)}万元`;
}

/** current − prior, or null when either side is unknown (a change cannot be guessed). */
export function change(current: AmountText, prior: AmountText): Decimal | null {
  if (current == null || prior == null) return null;
  return money(current).minus(prior);
}

/**
 * `增加94.19万元` / `减少201.83万元` / `持平`. The fixture writes "增加0万元" for an unchanged
 * figure; "持平" is what that means, and what a reader expects.
 */
export function changePhrase(delta: Decimal | null): string {
  if (delta == null) return `增减${MISSING_FIGURE}万元`;
  if (delta.isZero()) return "持平";
  return `${delta.isNegative() ? "减少" : "增加"}${wan(delta.abs())}`;
}

/** Reasons are stored as the clerk wrote them; a bare reason gets the fixture's lead-in. */
function withLead(reason: string, lead: string): string {
  const text = reason.trim();
  if (text === "") return "";
  return /^(主要|原因|因|由于)/.test(text) ? text : `${lead}${text}`;
}

/**
 * Joins clauses with `；`. A clause that already ends a sentence keeps its own stop, and one
 * whose reason has a `；` of its own closes with `。` so the list stays readable (the fixture's
 * vehicle reason does exactly that).
 */
function joinClauses(clauses: ReadonlyArray<string>, separator = "；"): string {
  return clauses
    .filter((c) => c !== "")
    .map((c, i, all) => {
      if (i === all.length - 1 || /[。；！？]$/.test(c)) return c;
      return `${c}${c.includes(separator) ? "。" : separator}`;
    })
    .join("");
}

/** Ends the sentence with a full stop unless the clerk's own text already did. */
function endSentence(text: string): string {
  return /[。！？]$/.test(text) ? text : `${text}。`;
}

function clause(head: string, reason: string, lead: string): string {
  const r = withLead(reason, lead);
  return r === "" ? head : `${head}，${r}`;
}

/** 二、1、收入说明 */
export function incomeSentence(d: Disclosure): string {
  const i = d.budget.income;
  return (
    `反映本部门当年全部收入。${d.fiscalYear}年预算收入${wan(i.total)}，其中：一般公共预算收入${wan(i.generalPublicBudget)}，` +
    `基金预算收入${wan(i.governmentFund)}，财政专户核拨收入${wan(i.fiscalSpecialAccount)}，其他来源收入${wan(i.other)}。`
  );
}

/** 二、2、支出说明 */
export function expenditureSentence(d: Disclosure): string {
  const e = d.budget.expenditure;
  const highlights = e.projectHighlights.trim().replace(/[。；，、]+$/, "");
  const projectClause = highlights === "" ? "" : `，主要为${highlights}${highlights.endsWith("等") ? "" : "等"}`;
  return (
    `收支预算总表支出栏、基本支出表、项目支出表按经济分类和支出功能分类科目编制，反映${d.department.name}年度部门预算中支出预算的总体情况。` +
    `${d.fiscalYear}年支出预算${wan(e.total)}，其中基本支出${wan(e.basic)}，包括人员经费${wan(e.personnel)}和日常公用经费${wan(e.publicOperating)}；` +
    `项目支出${wan(e.project)}${projectClause}；其他支出${wan(e.other)}。`
  );
}

/** 二、3、比上年增减变化情况 */
export function budgetChangeSentence(d: Disclosure): string {
  const { expenditure: e, priorYear: p, changeReasons: r } = d.budget;
  const prior = d.fiscalYear - 1;
  const total = change(e.total, p.total);
  const totalPhrase = total?.isZero() ? `与${prior}年预算持平` : `较${prior}年预算${changePhrase(total)}`;
  const parts = joinClauses([
    clause(`基本支出${changePhrase(change(e.basic, p.basic))}`, r.basic, "主要为"),
    clause(`项目支出${changePhrase(change(e.project, p.project))}`, r.project, "主要为"),
  ]);
  return endSentence(`${d.fiscalYear}年预算收支安排${wan(e.total)}，${totalPhrase}，其中：${parts}`);
}

/** 三、机关运行经费安排情况 */
export function operatingExpensesSentence(d: Disclosure): string {
  const { amount, purposes } = d.operatingExpenses;
  const head = `${d.fiscalYear}年，我部门机关运行经费共计安排${wan(amount)}`;
  return endSentence(clause(head, purposes, "主要用于"));
}

/** 公务用车购置及运维费 is stated as one figure, the sum of its two parts. */
function vehicles(year: Disclosure["threePublic"]["current"]): string | null {
  if (year.vehiclePurchase == null && year.vehicleOperation == null) return null;
  return sumAmounts([year.vehiclePurchase, year.vehicleOperation]).toFixed(2);
}

function threePublicTotal(year: Disclosure["threePublic"]["current"]): string | null {
  if (year.total != null) return year.total;
  const parts = [year.outbound, year.vehiclePurchase, year.vehicleOperation, year.reception];
  return parts.every((p) => p == null) ? null : sumAmounts(parts).toFixed(2);
}

/** 四、财政拨款"三公"经费预算情况及增减变化原因: this year's figures, then each change and why. */
export function threePublicSentence(d: Disclosure): string {
  const { current: c, priorYear: p, changeReasons: r } = d.threePublic;
  const cTotal = threePublicTotal(c);
  const pTotal = threePublicTotal(p);
  const figures =
    `${d.fiscalYear}年，我部门财政拨款“三公”经费预算安排${wan(cTotal)}，其中因公出国（境）费${wan(c.outbound)}；` +
    `公务用车购置及运维费${wan(vehicles(c))}（其中：公务用车购置费为${wan(c.vehiclePurchase)}，公务用车运维费${wan(c.vehicleOperation)}）；` +
    `公务接待费${wan(c.reception)}。`;
  const totalDelta = change(cTotal, pTotal);
  const vehicleDetail =
    `（其中：公务用车购置费${changePhrase(change(c.vehiclePurchase, p.vehiclePurchase))}，` +
    `公务用车运行费${changePhrase(change(c.vehicleOperation, p.vehicleOperation))}）`;
  const changes = joinClauses([
    clause(`因公出国（境）费${changePhrase(change(c.outbound, p.outbound))}`, r.outbound, "主要原因是"),
    clause(
      `公务用车购置及运维费${changePhrase(change(vehicles(c), vehicles(p)))}${vehicleDetail}`,
      r.vehicles,
      "主要原因是",
    ),
    clause(`公务接待费${changePhrase(change(c.reception, p.reception))}`, r.reception, "主要原因是"),
  ]);
  const overall = totalDelta?.isZero() ? "持平" : changePhrase(totalDelta);
  return `${figures}${endSentence(`与${d.fiscalYear - 1}年相比${overall}，其中${changes}`)}`;
}

/** 六、政府采购预算情况 */
export function procurementSentence(d: Disclosure): string {
  const { total, items } = d.procurement;
  if (items.length === 0 && (total == null || money(total).isZero())) {
    return `${d.fiscalYear}年，我部门未安排政府采购预算。`;
  }
  return `${d.fiscalYear}年，我部门安排政府采购预算${wan(total)}。具体内容见下表。`;
}

/** 七、国有资产信息 */
export function assetsSentence(d: Disclosure): string {
  const a = d.assets;
  const head = `${d.department.name}（含所属单位）上年末固定资产金额为${wan(a.fixedAssetsTotal)}`;
  if (a.plannedPurchase != null && money(a.plannedPurchase).isZero()) {
    return `${head}，本年度我部门未安排购置固定资产。详见下表。`;
  }
  const note = a.plannedPurchaseNote.trim().replace(/[。；，]+$/, "");
  const inProcurement = d.procurement.items.length > 0 ? "，已列入政府采购预算" : "";
  return `${head}，本年度我部门拟购置固定资产总额为${wan(a.plannedPurchase)}${note === "" ? "" : `，${note}`}${inProcurement}。详见下表。`;
}

/** 二、(intro): the comprehensive-budget statement that opens the section. */
export function budgetIntroSentence(d: Disclosure): string {
  return (
    "按照预算管理有关规定，目前我市部门预算的编制实行综合预算制度，即全部收入和支出都反映在预算中。" +
    `${d.department.name}机关及所属事业单位的收支包含在部门预算中。`
  );
}
