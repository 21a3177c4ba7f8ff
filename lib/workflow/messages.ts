import { zhCN } from "../i18n/zh-CN";
import type { UnmetGuard, WorkflowStep } from "./transitions";

const m = zhCN.workflow;

/** What the person is told when a guard holds the step back: what is missing and what to do. */
export function guardMessage(unmet: UnmetGuard): string {
  switch (unmet.guard) {
    case "noErrorFindings":
      return m.guards.noErrorFindings(unmet.count ?? 0);
    case "warningsExplained":
      return m.guards.warningsExplained(unmet.count ?? 0);
    case "hasOpenComment":
      return m.guards.hasOpenComment;
    case "noOpenComments":
      return m.guards.noOpenComments(unmet.count ?? 0);
    case "reasonGiven":
      return m.guards.reasonGiven;
  }
}

export function guardsMessage(unmet: readonly UnmetGuard[]): string {
  return unmet.map(guardMessage).join("");
}

/** The step as a verb inside a sentence ("不能审核通过"). */
export function stepVerb(step: WorkflowStep): string {
  return m.stepVerbs[step];
}

/** What the step is refused as, after "您没有权限" (lib/errors.ts ForbiddenError). */
export function stepRefusal(step: WorkflowStep): string {
  return m.stepRefused[step];
}
