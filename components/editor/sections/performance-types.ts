import type { Performance } from "@/lib/domain/model";

export type SubGoalItem = Performance["subGoals"][number];
export type SafeguardItem = Performance["safeguards"][number];
