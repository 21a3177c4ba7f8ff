import { stateCounts, type DashboardRow, type DashboardTotals } from "@/lib/admin/year-dashboard";
import { formatAmount } from "@/lib/domain/money";
import { adminMessages } from "@/lib/i18n/zh-CN/admin";
import { zhCN } from "@/lib/i18n/zh-CN";
import { SvgChart } from "@/components/charts/svg-chart";

const m = adminMessages.dashboard;
const TOP = 10;

/**
 * Three charts from the rows shown: progress by state, "三公" by item and the departments with
 * the most "三公". Amounts become numbers only to draw bars (the table beside them carries the
 * exact figures); each chart's label says where its data is.
 */
export function DashboardCharts({ rows, totals }: { rows: DashboardRow[]; totals: DashboardTotals }) {
  const states = stateCounts(rows);
  const items = (["outbound", "vehiclePurchase", "vehicleOperation", "reception"] as const).map((key) => ({
    name: m[key],
    value: totals[key],
  }));
  const top = rows
    .filter((r) => r.figures.threePublic != null && Number(r.figures.threePublic) > 0)
    .sort((a, b) => Number(b.figures.threePublic) - Number(a.figures.threePublic))
    .slice(0, TOP)
    .reverse();
  const axisLabel = { fontSize: 11, color: "#475569" };
  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <figure className="rounded-md border border-slate-200 bg-white p-3">
        <figcaption className="mb-1 text-sm font-medium text-slate-700">{m.chartStates}</figcaption>
        <SvgChart
          width={420}
          height={240}
          label={m.chartLabel(m.chartStates)}
          option={{
            grid: { left: 56, right: 16, top: 16, bottom: 28 },
            xAxis: {
              type: "category",
              data: states.map((s) => (s.state === "none" ? m.notStarted : zhCN.states[s.state])),
              axisLabel: { ...axisLabel, interval: 0 },
            },
            yAxis: { type: "value", minInterval: 1, axisLabel },
            series: [
              {
                type: "bar",
                data: states.map((s) => s.count),
                barMaxWidth: 28,
                label: { show: true, position: "top", fontSize: 11 },
              },
            ],
          }}
        />
      </figure>
      <figure className="rounded-md border border-slate-200 bg-white p-3">
        <figcaption className="mb-1 text-sm font-medium text-slate-700">
          {m.chartThreePublicByItem}（{m.unit.replace("单位：", "")}）
        </figcaption>
        <SvgChart
          width={420}
          height={240}
          label={m.chartLabel(m.chartThreePublicByItem)}
          option={{
            grid: { left: 56, right: 16, top: 16, bottom: 28 },
            xAxis: { type: "category", data: items.map((i) => i.name), axisLabel: { ...axisLabel, interval: 0 } },
            yAxis: { type: "value", axisLabel },
            series: [
              {
                type: "bar",
                data: items.map((i) => Number(i.value)),
                barMaxWidth: 36,
                label: {
                  show: true,
                  position: "top",
                  fontSize: 11,
                  formatter: (p: { dataIndex: number }) => formatAmount(items[p.dataIndex].value),
                },
              },
            ],
          }}
        />
      </figure>
      <figure className="rounded-md border border-slate-200 bg-white p-3">
        <figcaption className="mb-1 text-sm font-medium text-slate-700">
          {m.chartThreePublicByDepartment(TOP)}
        </figcaption>
        <SvgChart
          width={420}
          height={240}
          label={m.chartLabel(m.chartThreePublicByDepartment(TOP))}
          option={{
            grid: { left: 150, right: 48, top: 8, bottom: 20 },
            xAxis: { type: "value", axisLabel },
            yAxis: {
              type: "category",
              data: top.map((r) => r.departmentName.replace(/^三河市/, "")),
              axisLabel: { ...axisLabel, width: 140, overflow: "truncate" },
            },
            series: [
              {
                type: "bar",
                data: top.map((r) => Number(r.figures.threePublic)),
                barMaxWidth: 14,
                label: {
                  show: true,
                  position: "right",
                  fontSize: 10,
                  formatter: (p: { dataIndex: number }) => formatAmount(top[p.dataIndex].figures.threePublic!),
                },
              },
            ],
          }}
        />
      </figure>
    </div>
  );
}
