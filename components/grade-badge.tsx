import { dimensions } from "@/lib/rules/dimensions";
import type { Grade, ProjectGrade } from "@/lib/rules/grades";
import { reviewMessages } from "@/lib/i18n/zh-CN/review";
import { Badge, type BadgeTone } from "@/components/ui/badge";

const m = reviewMessages.grading;

const tones: Record<Grade, BadgeTone> = { excellent: "success", good: "info", fair: "warning", poor: "danger" };

/** One line per dimension: "完整性 100 · 相关性 85 · …", for a tooltip or a line of text. */
export function dimensionLine(graded: ProjectGrade): string {
  return dimensions.map((d) => m.dimensionScore(m.dimensions[d], graded.byDimension[d])).join(" · ");
}

/**
 * A project's target grade (lib/rules/grades.ts): 优/良/中/差, its score and the four dimensions'
 * scores on hover. The word carries the meaning, the colour repeats it.
 */
export function GradeBadge({ graded, className }: { graded: ProjectGrade; className?: string }) {
  const word = m.grades[graded.grade];
  const consequence = m.consequence[graded.grade];
  return (
    <span
      title={[m.badge(word, graded.score), dimensionLine(graded), consequence].filter(Boolean).join("\n")}
      data-testid="project-grade"
      data-grade={graded.grade}
      data-score={graded.score}
      className={className}
    >
      <Badge tone={tones[graded.grade]}>
        <span aria-hidden>{word}</span>
        <span className="sr-only">{m.badge(word, graded.score)}</span>
      </Badge>
    </span>
  );
}

/** The four dimensions' scores as a small list, lowest marked: the card's body and the review panel. */
export function DimensionScores({ graded }: { graded: ProjectGrade }) {
  return (
    <ul className="flex flex-wrap gap-x-3 gap-y-0.5 text-xs text-slate-600" data-testid="dimension-scores">
      {dimensions.map((d) => (
        <li key={d} className={graded.byDimension[d] < 100 ? "text-slate-900" : undefined}>
          {m.dimensions[d]} <span className="tabular font-medium">{graded.byDimension[d]}</span>
        </li>
      ))}
    </ul>
  );
}
