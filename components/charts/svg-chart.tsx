import { cn } from "@/components/ui/cn";
import { renderChartSvg, type ChartOption } from "./render-svg";

/**
 * A server-rendered chart. The SVG keeps its viewBox and scales to the width of its box; `label`
 * is the chart's text alternative (give the figures as a table beside it too, which screen readers
 * and printouts read better than any chart).
 */
export function SvgChart({
  option,
  width,
  height,
  label,
  className,
}: {
  option: ChartOption;
  width: number;
  height: number;
  label: string;
  className?: string;
}) {
  const svg = renderChartSvg(option, { width, height });
  return (
    <div
      role="img"
      aria-label={label}
      className={cn("w-full [&>svg]:h-auto [&>svg]:max-w-full", className)}
      // Our own renderer's output from our own figures: no user HTML passes through here.
      // biome-ignore lint/security/noDangerouslySetInnerHtml: as said above.
      dangerouslySetInnerHTML={{ __html: svg }}
    />
  );
}
