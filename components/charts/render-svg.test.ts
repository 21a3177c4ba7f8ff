import { describe, expect, it } from "vitest";
import { renderChartSvg } from "./render-svg";

const option = {
  xAxis: { type: "category", data: ["因公出国（境）费", "公务接待费"] },
  yAxis: { type: "value" },
  series: [{ type: "bar", data: [12.5, 3.25], label: { show: true, formatter: "{c}万元" } }],
};

describe("renderChartSvg", () => {
  it("draws the chart as an SVG document with its Chinese labels, sized as asked", () => {
    const svg = renderChartSvg(option, { width: 480, height: 240 });
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).toContain('viewBox="0 0 480 240"');
    expect(svg).toContain("因公出国（境）费");
    expect(svg).toContain("12.5万元");
    expect(svg).not.toMatch(/<script/i);
  });

  it("gives the same drawing for the same figures (nothing random or animated)", () => {
    // CSS class names carry instance and style counters, so two charts on one page never clash.
    const drawing = (svg: string) => svg.replace(/zr\d+-cls-\d+/g, "zr-cls");
    const first = renderChartSvg(option, { width: 480, height: 240 });
    const second = renderChartSvg(option, { width: 480, height: 240 });
    expect(first).not.toBe(second);
    expect(drawing(first)).toBe(drawing(second));
  });

  it("keeps the font stack inside the style attribute (double quotes would end it early)", () => {
    const svg = renderChartSvg(option, { width: 480, height: 240 });
    expect(svg).toMatch(/style="font-size:12px;font-family:'Noto Sans CJK SC'[^"]*sans-serif;"/);
  });

  it("draws a pie, the other chart the dashboard and the portal use", () => {
    const svg = renderChartSvg(
      {
        series: [
          {
            type: "pie",
            data: [
              { name: "基本支出", value: 2 },
              { name: "项目支出", value: 1 },
            ],
            label: { formatter: "{b}" },
          },
        ],
      },
      { width: 600, height: 300 },
    );
    expect(svg).toContain("基本支出");
    expect(svg).toContain("项目支出");
  });
});
