import type { DisclosureState } from "@/lib/workflow/states";
import { zhCN } from "@/lib/i18n/zh-CN";
import { Badge, type BadgeTone } from "./ui/badge";

const tone: Record<DisclosureState, BadgeTone> = {
  draft: "neutral",
  submitted: "info",
  in_review: "progress",
  returned: "warning",
  approved: "success",
  published: "success",
};

export function StateBadge({ state }: { state: DisclosureState }) {
  return <Badge tone={tone[state]}>{zhCN.states[state]}</Badge>;
}
