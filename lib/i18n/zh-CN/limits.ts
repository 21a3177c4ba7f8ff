/** The most rows one disclosure may hold (lib/domain/limits.ts): said at the table that is over. */
export const limitsMessages = {
  projects: (count: number, max: number) => `项目共 ${count} 个，超过每份信息公开最多 ${max} 个的上限。请删去或合并部分项目后再保存。`,
  indicators: (count: number, max: number) => `绩效指标共 ${count} 条，超过每份信息公开最多 ${max} 条的上限。请删去部分指标后再保存。`,
  procurementItems: (count: number, max: number) => `政府采购品目共 ${count} 项，超过每份信息公开最多 ${max} 项的上限。请删去或合并部分品目后再保存。`,
};
