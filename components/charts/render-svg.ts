import { BarChart, LineChart, PieChart } from "echarts/charts";
import {
  DatasetComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
} from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";

/**
 * ECharts rendered to an SVG string on the server: no chart script reaches the browser, the chart
 * reads without JavaScript, prints sharply and costs a slow line a few kilobytes. Only the chart
 * types and components registered here are bundled; add one here when a chart needs it.
 */
echarts.use([
  SVGRenderer,
  BarChart,
  LineChart,
  PieChart,
  GridComponent,
  LegendComponent,
  TitleComponent,
  DatasetComponent,
  MarkLineComponent,
]);

export type ChartOption = echarts.EChartsCoreOption;

/** The app's sans-serif stack (app/globals.css), so chart labels match the page around them. */
export const chartFontFamily = "'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', sans-serif";

/** A calm palette starting from the brand blue; the text beside a chart carries the meaning, colour repeats it. */
export const chartPalette = ["#1f5aa6", "#5b8fd1", "#d08a2e", "#3f8f6b", "#8a6bb8", "#c25a5a", "#6b7a8f", "#a8b8cc"];

/**
 * The chart as an SVG document string. Animation is off (there is nothing to animate on a static
 * page) and the output depends only on the option, so the same figures give the same bytes.
 */
export function renderChartSvg(option: ChartOption, size: { width: number; height: number }): string {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption({ animation: false, color: chartPalette, textStyle: { fontFamily: chartFontFamily }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
