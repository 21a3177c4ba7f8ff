/**
 * Strings of identity and the edges (issue 8): password rules, sign-in lockout, session expiry,
 * the change-password page, request size limits and upload checks (the audit log's are in
 * ./audit.ts). Included in lib/i18n/zh-CN.ts as `zhCN.security`. Framework-free: the server, the
 * forms and the tests read the same words.
 */
const MB = 1024 * 1024;
/** Rounded up, so a file just over a limit never reads as equal to it. */
const megabytes = (bytes: number) => {
  const mb = Math.ceil((bytes / MB) * 10) / 10;
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
};
const quoted = (fileName: string) => (fileName ? `“${fileName}”` : "该文件");

export const securityMessages = {
  password: {
    required: "请输入新密码",
    tooShort: (min: number) => `密码至少需要 ${min} 个字符。`,
    tooLong: (max: number) => `密码不能超过 ${max} 个字符。`,
    classes: "密码须至少包含大写字母、小写字母、数字、符号中的三类。",
    containsUsername: "密码不能包含用户名。",
    common: "这是常见密码，容易被猜中，请换一个。",
    rulesHint: "至少 12 个字符，包含大写字母、小写字母、数字、符号中的至少三类，不能包含用户名，也不能是常见密码。",
  },
  signIn: {
    locked: (until: string) =>
      `由于连续多次登录失败，登录已被临时锁定，请于 ${until} 之后再试。如忘记密码，请联系系统管理员重置。`,
    sessionIdle: "您已较长时间未操作，为保护账号安全已自动退出，请重新登录。",
    sessionExpired: "登录时间已超过上限，请重新登录。",
    signedOutElsewhere: "您的密码已修改或账号状态已变更，请重新登录。",
    signedOut: "此次登录已退出，请重新登录。",
    passwordChanged: "密码已修改，请使用新密码重新登录。",
  },
  account: {
    title: "修改密码",
    forcedTitle: "请先修改初始密码",
    forcedIntro: "这是管理员为您设置的初始密码。为保护账号安全，请先设置您自己的新密码，之后才能继续使用系统。",
    intro: "修改后，您在其他设备上的登录会全部失效，需要用新密码重新登录。",
    currentPassword: "当前密码",
    newPassword: "新密码",
    confirmPassword: "再次输入新密码",
    submit: "修改密码",
    submitting: "正在保存…",
    currentRequired: "请输入当前密码",
    currentWrong: "当前密码不正确。",
    confirmMismatch: "两次输入的新密码不一致。",
    sameAsCurrent: "新密码不能与当前密码相同。",
    mustChangeFirst: "请先修改初始密码，然后再进行其他操作。",
    signOut: "退出登录",
  },
  request: {
    tooLarge: (limit: number) => `提交的内容超过了 ${megabytes(limit)} 的上限，请减少内容后重试。`,
    badJson: "提交的内容不是有效的 JSON。",
  },
  upload: {
    empty: (fileName: string) => `${quoted(fileName)}是空文件，请选择有内容的文件。`,
    tooLarge: (fileName: string, size: number, limit: number) =>
      `${quoted(fileName)}有 ${megabytes(size)}，超过了 ${megabytes(limit)} 的上限。`,
    /** Sent without its size (chunked): how much arrived before it was stopped. */
    tooLargeStreamed: (over: number, limit: number) =>
      `上传的文件大于 ${megabytes(over)}，超过了 ${megabytes(limit)} 的上限。`,
    legacyOffice: (fileName: string) =>
      `${quoted(fileName)}是旧版 Word/Excel 格式（.doc/.xls），请在 Office 或 WPS 中另存为 .docx 或 .xlsx 后再上传。`,
    pdf: (fileName: string) =>
      `${quoted(fileName)}是 PDF 文件，无法读取其中的表格。请上传 Word（.docx）、Excel（.xlsx）或文本文件。`,
    image: (fileName: string) =>
      `${quoted(fileName)}是图片，无法读取其中的文字。请上传 Word（.docx）、Excel（.xlsx）或文本文件。`,
    executable: (fileName: string) => `${quoted(fileName)}是程序文件，不能上传。`,
    archive: (fileName: string) => `${quoted(fileName)}是压缩包，请解压后上传其中的 Word、Excel 或文本文件。`,
    binary: (fileName: string) =>
      `${quoted(fileName)}的内容不是文字，可能是改了扩展名的其他文件。请上传 Word（.docx）、Excel（.xlsx）或文本文件。`,
    brokenZip: (fileName: string) => `${quoted(fileName)}已损坏，无法打开。请在 Office 或 WPS 中重新保存后上传。`,
    zipNotOffice: (fileName: string) =>
      `${quoted(fileName)}是压缩包而不是 Word 或 Excel 文件，请上传 .docx 或 .xlsx 文件。`,
    macro: (fileName: string) =>
      `${quoted(fileName)}含有宏，出于安全考虑不能上传。请另存为不含宏的 .docx 或 .xlsx 后再上传。`,
    encrypted: (fileName: string) => `${quoted(fileName)}设置了密码，无法读取。请取消密码后重新保存再上传。`,
    zipBomb: (fileName: string) => `${quoted(fileName)}解压后的内容异常庞大，不像正常的 Word 或 Excel 文件，已拒绝。`,
    notAccepted: (fileName: string, actual: string, expected: string) =>
      `${quoted(fileName)}是${actual}，此处只接受${expected}。`,
    kinds: { docx: "Word 文档（.docx）", xlsx: "Excel 表格（.xlsx）", text: "文本文件（.txt/.csv/.json）" },
  },
};
