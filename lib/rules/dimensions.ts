/**
 * The four things a target review judges (财预〔2015〕88号; lib/domain/spec/rules.md, "The four
 * dimensions"), and under which one each rule of the catalogue is filed: the one table of it.
 *
 * - completeness (完整性): every element is filled in
 * - relevance (相关性): the indicators fit the project, its duties and its money, not another's or last year's
 * - appropriateness (适当性): money and targets in proportion, neither too high nor too low, figures that agree
 * - feasibility (可行性): a target that can be read, measured and so achieved and judged
 */
export const dimensions = ["completeness", "relevance", "appropriateness", "feasibility"] as const;
export type Dimension = (typeof dimensions)[number];

export const ruleDimensions: Readonly<Record<string, Dimension>> = {
  // Something the bureau needs is not there.
  "budget.required": "completeness",
  "budget.change-reason": "completeness",
  "operating-expenses.required": "completeness",
  "three-public.required": "completeness",
  "three-public.change-reason": "completeness",
  "procurement.required": "completeness",
  "assets.required": "completeness",
  "indicator.output-and-outcome": "completeness",
  "indicator.satisfaction-missing": "completeness",
  "indicator.basis-empty": "completeness",
  "indicator.scoring-standard-empty": "completeness",
  "indicator.count": "completeness",
  "performance.project-amount": "completeness",
  "tables.empty-note": "completeness",
  "text.required-section": "completeness",
  "text.punctuation": "completeness",

  // The row is filed, worded or copied so that it does not speak of this project.
  "indicator.framework-pair": "relevance",
  "indicator.satisfaction-level": "relevance",
  "indicator.duplicate-row": "relevance",
  "indicator.copied-across-projects": "relevance",
  "indicator.same-as-last-year": "relevance",
  "tables.codes": "relevance",
  "tables.code-unknown": "relevance",
  "tables.code-name": "relevance",
  "tables.miscoding": "relevance",

  // Figures out of proportion or disagreeing; a target set too low.
  "budget.income-sum": "appropriateness",
  "budget.expenditure-sum": "appropriateness",
  "budget.basic-sum": "appropriateness",
  "budget.balance": "appropriateness",
  "budget.prior-year-sum": "appropriateness",
  "three-public.sum": "appropriateness",
  "procurement.line-amount": "appropriateness",
  "procurement.line-funding": "appropriateness",
  "procurement.total": "appropriateness",
  "assets.total": "appropriateness",
  "assets.offices-within-buildings": "appropriateness",
  "plausibility.three-public-within-expenditure": "appropriateness",
  "plausibility.procurement-within-expenditure": "appropriateness",
  "plausibility.operating-within-basic": "appropriateness",
  "plausibility.project-funds-within-project": "appropriateness",
  "plausibility.narrative-figure": "appropriateness",
  "indicator.satisfaction-target": "appropriateness",
  "indicator.easier-than-last-year": "appropriateness",
  "indicator.weight-sum": "appropriateness",
  "tables.text-figure": "appropriateness",
  "tables.project-amount": "appropriateness",
  "tables.totals": "appropriateness",
  "tables.rows-agree": "appropriateness",
  "tables.negative": "appropriateness",
  "tables.unit-scale": "appropriateness",

  // A target nobody can read, measure or reach.
  "indicator.target-readable": "feasibility",
  "indicator.percent-range": "feasibility",
  "indicator.number-expected": "feasibility",
  "indicator.vague-target": "feasibility",
  "indicator.unit-fits-metric": "feasibility",
  "indicator.reverse-operator": "feasibility",
};

/** The dimension of a rule; a finding of a rule no longer in the catalogue is not graded. */
export function dimensionOf(ruleId: string): Dimension | undefined {
  return ruleDimensions[ruleId];
}
