import { money, normaliseNumber, toAmount } from "../../domain/money";
import type { ThreePublic, ThreePublicYear } from "../../domain/model";
import { clauseBetween, findAmount, findChange, priorFromChange, skipParenthesis, type FoundChange } from "./figures";
import type { Part, StatedFigures } from "./narrative-figures";
import type { Problems } from "./problems";
import type { Paragraph } from "./source";

/**
 * 四、财政拨款“三公”经费: this year's figures, then "与2019年相比减少0.11万元，其中…增加…，主要原因是…".
 * Last year's figures exist only as those changes and are derived from them.
 */

const CHANGE_MARKER = /与\s*(?:\d{4}\s*年|上年|上一年)\s*相比|比上年|较上年|较\s*\d{4}\s*年/;

const LABELS = {
  total: /[“"]?三公[”"]?经费(?:财政拨款)?(?:预算)?/,
  outbound: /因公出国[（(]境[)）]费(?:用)?/,
  vehicles: /公务用车购置及运(?:行维护|维|行)费/,
  vehiclePurchase: /公务用车购置费/,
  vehicleOperation: /公务用车运(?:行维护|维|行)费/,
  reception: /公务接待费/,
} as const;

type Item = Exclude<keyof ThreePublicYear, "total">;
const ITEMS: ReadonlyArray<Item> = ["outbound", "vehiclePurchase", "vehicleOperation", "reception"];
const NAMES: Record<keyof typeof LABELS, string> = {
  total: "“三公”经费合计",
  outbound: "因公出国（境）费",
  vehicles: "公务用车购置及运维费",
  vehiclePurchase: "公务用车购置费",
  vehicleOperation: "公务用车运维费",
  reception: "公务接待费",
};

const emptyYear = (): ThreePublicYear => ({
  total: null,
  outbound: null,
  vehiclePurchase: null,
  vehicleOperation: null,
  reception: null,
});

export function readThreePublic(
  paras: ReadonlyArray<Paragraph>,
  problems: Problems,
  headingLine: number,
  stated: StatedFigures,
): ThreePublic {
  const result: ThreePublic = {
    current: emptyYear(),
    priorYear: emptyYear(),
    changeReasons: { outbound: "", vehicles: "", reception: "" },
  };
  const para = paras.find((p) => LABELS.total.test(p.text) || LABELS.reception.test(p.text));
  if (!para) {
    problems.add(headingLine, "未找到“三公”经费预算情况", "threePublic");
    return result;
  }
  const cut = para.text.search(CHANGE_MARKER);
  const currentPart: Paragraph = { ...para, text: cut >= 0 ? para.text.slice(0, cut) : para.text };
  for (const field of ["total", ...ITEMS] as const) {
    const found = findAmount([currentPart], LABELS[field], problems, `threePublic.current.${field}`);
    result.current[field] = found?.amount ?? null;
    if (!found) problems.add(para.no, `未找到${NAMES[field]}`, `threePublic.current.${field}`);
  }
  const combined = findAmount([currentPart], LABELS.vehicles, problems, "threePublic.current");
  const { vehiclePurchase, vehicleOperation } = result.current;
  if (combined?.amount && vehiclePurchase !== null && vehicleOperation !== null) {
    const parts = [
      { label: "购置费", amount: vehiclePurchase },
      { label: "运维费", amount: vehicleOperation },
    ];
    stated.sum(
      "threePublic.current",
      SECTION,
      { label: NAMES.vehicles, amount: combined.amount, where: "文字中", line: para.no },
      parts,
    );
  }
  if (cut < 0) {
    problems.add(para.no, "未找到与上年相比的增减变化，上年“三公”经费无法推算", "threePublic.priorYear");
    return result;
  }
  readChanges(para, cut, result, problems, stated);
  return result;
}

const SECTION = "第四部分";

function readChanges(
  para: Paragraph,
  cut: number,
  result: ThreePublic,
  problems: Problems,
  stated: StatedFigures,
): void {
  const text = para.text;
  const find = (label: RegExp, field: string) =>
    findChange(text, label, para, problems, `threePublic.priorYear.${field}`, cut);
  const total = find(CHANGE_MARKER, "total");
  const outbound = find(LABELS.outbound, "outbound");
  const combined = find(LABELS.vehicles, "vehiclePurchase");
  const purchase = find(LABELS.vehiclePurchase, "vehiclePurchase");
  const operation = find(LABELS.vehicleOperation, "vehicleOperation");
  const reception = find(LABELS.reception, "reception");
  const changes: Record<keyof ThreePublicYear, FoundChange | null> = {
    total,
    outbound,
    vehiclePurchase: purchase,
    vehicleOperation: operation,
    reception,
  };
  for (const field of ["total", ...ITEMS] as const) {
    result.priorYear[field] = priorFromChange(result.current[field], changes[field]);
    if (!changes[field])
      problems.add(para.no, `未找到${NAMES[field]}比上年的增减额，上年数无法推算`, `threePublic.priorYear.${field}`);
  }
  recordChangeSums(para, { total, outbound, combined, purchase, operation, reception }, stated);
  recordRepeatedPurchase(para, cut, result.current.vehiclePurchase, stated);

  // A reason runs from the end of its item's figures to the start of the next item's figures.
  const vehicleParts = [combined, purchase, operation].filter((c): c is FoundChange => c !== null);
  const vehicles = vehicleParts.length
    ? {
        start: Math.min(...vehicleParts.map((c) => c.start)),
        end: combined ? skipParenthesis(text, combined.end) : Math.max(...vehicleParts.map((c) => c.end)),
      }
    : null;
  const spans = [
    ["outbound", outbound ? { start: outbound.start, end: outbound.end } : null],
    ["vehicles", vehicles],
    ["reception", reception ? { start: reception.start, end: reception.end } : null],
  ] as const;
  const starts = spans.flatMap(([, s]) => (s ? [s.start] : [])).sort((a, b) => a - b);
  for (const [field, span] of spans) {
    if (!span) continue;
    const next = starts.find((s) => s > span.start) ?? text.length;
    result.changeReasons[field] = clauseBetween(text, span.end, next);
  }
}

const signed = (c: FoundChange & { amount: string }): string => toAmount(money(c.amount).times(c.sign));
const found = (c: FoundChange | null): c is FoundChange & { amount: string } => c?.amount != null;

/** "与2019年相比减少0.11万元，其中…": the stated changes beside the changes of their parts. */
function recordChangeSums(
  para: Paragraph,
  c: Record<"total" | "outbound" | "combined" | "purchase" | "operation" | "reception", FoundChange | null>,
  stated: StatedFigures,
): void {
  const change = (label: string, at: FoundChange & { amount: string }) => ({
    label,
    amount: signed(at),
    where: "文字中",
    line: para.no,
  });
  if (found(c.combined) && found(c.purchase) && found(c.operation)) {
    const parts = [
      { label: "购置费", amount: signed(c.purchase) },
      { label: "运维费", amount: signed(c.operation) },
    ];
    stated.changeSum("threePublic.priorYear", SECTION, change(NAMES.vehicles, c.combined), parts);
  }
  // The vehicles' change by its parts where both are stated, else as the combined figure.
  const vehicles: Part[] | null =
    found(c.purchase) && found(c.operation)
      ? [
          { label: NAMES.vehiclePurchase, amount: signed(c.purchase) },
          { label: NAMES.vehicleOperation, amount: signed(c.operation) },
        ]
      : found(c.combined)
        ? [{ label: NAMES.vehicles, amount: signed(c.combined) }]
        : null;
  if (found(c.total) && found(c.outbound) && vehicles && found(c.reception)) {
    const parts = [
      { label: NAMES.outbound, amount: signed(c.outbound) },
      ...vehicles,
      { label: NAMES.reception, amount: signed(c.reception) },
    ];
    stated.changeSum("threePublic.priorYear.total", SECTION, change("“三公”经费", c.total), parts);
  }
}

/** A reason that repeats the purchase budget: "故安排预算53.94万元，购置公务用车". */
function recordRepeatedPurchase(para: Paragraph, cut: number, purchase: string | null, stated: StatedFigures): void {
  if (purchase === null) return;
  const again = /安排(?:预算)?\s*([0-9０-９][0-9０-９,.．\s]*?)\s*万元\s*[，,]?\s*(?:用于)?购置公务用车/.exec(
    para.text.slice(cut),
  );
  const amount = again ? normaliseNumber(again[1]) : null;
  if (amount === null) return;
  stated.twice(
    "threePublic.current.vehiclePurchase",
    SECTION,
    { label: NAMES.vehiclePurchase, amount: purchase, where: "文字中", line: para.no },
    { label: "安排购置公务用车的预算", amount: toAmount(money(amount)), where: "增减原因中", line: para.no },
  );
}
