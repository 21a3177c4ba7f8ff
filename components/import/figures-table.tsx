import type { Disclosure } from "@/lib/domain/model";
import { zhCN } from "@/lib/i18n/zh-CN";
import { Amount } from "@/components/amount";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";

const m = zhCN.imports.preview;
/** The figures by the names the disclosure page gives them. */
const f = zhCN.disclosure;

type Line = { label: string; current: string | null; prior?: string | null; indent?: boolean };

/**
 * The main figures as read, this year's beside last year's where the disclosure states both:
 * enough to see that the amounts came through (a decimal point lost in a file shows here).
 */
export function FiguresTable({ disclosure: d }: { disclosure: Disclosure }) {
  const tp = d.threePublic;
  const lines: Line[] = [
    { label: f.incomeTotal, current: d.budget.income.total },
    { label: f.expenditureTotal, current: d.budget.expenditure.total, prior: d.budget.priorYear.total },
    { label: f.basic, current: d.budget.expenditure.basic, prior: d.budget.priorYear.basic, indent: true },
    { label: f.project, current: d.budget.expenditure.project, prior: d.budget.priorYear.project, indent: true },
    { label: f.operatingAmount, current: d.operatingExpenses.amount },
    { label: f.threePublicTotal, current: tp.current.total, prior: tp.priorYear.total },
    { label: f.outbound, current: tp.current.outbound, prior: tp.priorYear.outbound, indent: true },
    {
      label: f.vehiclePurchase,
      current: tp.current.vehiclePurchase,
      prior: tp.priorYear.vehiclePurchase,
      indent: true,
    },
    {
      label: f.vehicleOperation,
      current: tp.current.vehicleOperation,
      prior: tp.priorYear.vehicleOperation,
      indent: true,
    },
    { label: f.reception, current: tp.current.reception, prior: tp.priorYear.reception, indent: true },
    { label: m.procurementTotal, current: d.procurement.total },
    { label: f.fixedAssetsTotal, current: d.assets.fixedAssetsTotal },
  ];
  return (
    <Table caption={m.figuresHeading} data-testid="figures">
      <THead>
        <tr>
          <Th>{m.figure}</Th>
          <Th numeric className="w-36">
            {m.yearColumn(d.fiscalYear)}
          </Th>
          <Th numeric className="w-36">
            {m.yearColumn(d.fiscalYear - 1)}
          </Th>
        </tr>
      </THead>
      <TBody>
        {lines.map((line) => (
          <Tr key={line.label}>
            <Th scope="row" className={`border-0 font-normal text-slate-800 ${line.indent ? "pl-7" : ""}`}>
              {line.label}
            </Th>
            <Td numeric>
              <Amount value={line.current} />
            </Td>
            <Td numeric>{line.prior === undefined ? null : <Amount value={line.prior} />}</Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
