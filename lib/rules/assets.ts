import { money } from "../domain/money";
import type { Issue, RuleContext } from "./finding";
import { present, requiredIssue, showAmount, sumIssue } from "./figures";

/** Section 七 (国有资产信息): the fixed-asset table at last year-end. */

export function assetsRequired({ disclosure: d }: RuleContext): Issue[] {
  return present([requiredIssue("assets.fixedAssetsTotal", "上年末固定资产总额", d.assets.fixedAssetsTotal)]);
}

/** An empty row (no equipment over 200,000 yuan) is a real answer, so absent parts count as zero. */
export function assetsTotal({ disclosure: d }: RuleContext): Issue[] {
  const a = d.assets;
  return present([
    sumIssue("assets.fixedAssetsTotal", "固定资产总额", a.fixedAssetsTotal, [
      { label: "房屋", value: a.buildings.value },
      { label: "车辆", value: a.vehicles.value },
      { label: "单价20万元以上设备", value: a.equipmentOver200k.value },
      { label: "其他固定资产", value: a.other.value },
    ]),
  ]);
}

/** 其中：办公用房 is part of 房屋, by area and by value. */
export function assetsOfficesWithinBuildings({ disclosure: d }: RuleContext): Issue[] {
  const { buildings, officeBuildings } = d.assets;
  const issues: Issue[] = [];
  if (officeBuildings.area != null && buildings.area != null && money(officeBuildings.area).gt(buildings.area)) {
    issues.push({
      path: "assets.officeBuildings.area",
      message: `办公用房面积 ${officeBuildings.area} 平方米 > 房屋面积 ${buildings.area} 平方米`,
      hint: "办公用房是房屋的一部分（“其中”），不能比房屋多",
    });
  }
  if (officeBuildings.value != null && buildings.value != null && money(officeBuildings.value).gt(buildings.value)) {
    issues.push({
      path: "assets.officeBuildings.value",
      message: `办公用房价值 ${showAmount(officeBuildings.value)} > 房屋价值 ${showAmount(buildings.value)}`,
      hint: "办公用房是房屋的一部分（“其中”），不能比房屋多",
    });
  }
  return issues;
}
