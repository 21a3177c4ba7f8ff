/**
 * The one set of words for a finding's severity, everywhere a person reads one: the editor, the
 * grid, the import preview, the review screen, the admin's rule policy, the dashboards and the CLI.
 * 提示 is a warning the clerk explains before submitting; 参考 is for information only.
 */
export const severityWords = { error: "错误", warning: "提示", info: "参考" } as const;

/** A count of findings of one severity: "3 个错误", "2 个提示". */
export const severityCount = (severity: keyof typeof severityWords, n: number) => `${n} 个${severityWords[severity]}`;
