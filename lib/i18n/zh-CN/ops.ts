/**
 * Strings of operations (issue 8): the backup and restore commands. Included in lib/i18n/zh-CN.ts
 * as `zhCN.ops`. Framework-free: the CLI and its tests read the same words.
 */
export const opsMessages = {
  backup: {
    summary: "把整个数据库（PGlite 或 PostgreSQL）备份到一个文件；FILE 以 .gz 结尾时压缩",
    missingOut: "backup：缺少 --out FILE（备份写到哪个文件）",
    exists: (file: string) => `backup：文件“${file}”已存在；为防止覆盖旧备份，请换一个文件名。`,
    done: (file: string, tables: number, rows: number) => `备份完成：${file}（${tables} 张表，${rows} 行）`,
  },
  restore: {
    summary: "把备份文件恢复到一个新建的空数据库（DATABASE_URL 或 PGLITE_DIR）",
    unreadable: (file: string) => `restore：无法读取备份文件“${file}”。`,
    notBackup: "restore：这不是本系统的备份文件。",
    newerFormat: (version: number) => `restore：备份文件格式版本 ${version} 高于本程序支持的版本，请升级程序后再恢复。`,
    truncated: "restore：备份文件不完整（可能在写入时中断或被截断），未做任何恢复。",
    corrupt: "restore：备份文件校验失败（内容被改动或已损坏），未做任何恢复。",
    schemaMismatch: (backup: number, app: number) =>
      `restore：备份来自数据库结构第 ${backup} 版，本程序是第 ${app} 版；请用与备份时相同版本的程序恢复。`,
    notEmpty: (what: string) => `restore：目标数据库不是空的（已有${what}）；请恢复到新建的空数据库或新的 PGLITE_DIR。`,
    unknownTable: (table: string) => `restore：备份中的表“${table}”在本程序的数据库结构中不存在。`,
    orphanRows: (table: string, rows: number) => `restore：表“${table}”有 ${rows} 行引用了不存在的行，备份已损坏。`,
    countMismatch: (table: string, expected: number, actual: number) =>
      `restore：表“${table}”应恢复 ${expected} 行，实际 ${actual} 行。`,
    done: (tables: number, rows: number) => `恢复完成：${tables} 张表，${rows} 行。`,
  },
  /** The database's own messages to the operator (db/client.ts, db/migrate-cli.ts). */
  database: {
    idleConnectionClosed: (detail: string) => `[db] 空闲的数据库连接被服务器关闭：${detail}`,
    migrated: (where: string | undefined) => `数据库已更新到最新结构：${where}`,
    migrationFailed: "数据库迁移失败：",
  },
  /** `npm run worker` (lib/tools/tasks/worker.ts). */
  worker: {
    started: (id: string, where: string) => `后台任务进程已启动（${id}），数据库：${where}`,
    stopping: "正在停止：等待手上的任务完成…",
    pgliteShared: "注意：内嵌数据库（PGlite）不能被两个进程同时打开；应用服务器运行时请用 PostgreSQL（DATABASE_URL）。",
  },
  /** The demo seed (db/seed/demo.ts). */
  demo: {
    exists: "演示数据已存在：请使用新的数据目录（PGLITE_DIR）或空数据库。",
    noChromium: (path: string) => `未找到 Chromium（${path}），演示数据的已发布文件不含 PDF。`,
  },
};
